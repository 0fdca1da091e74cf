using GAgent.Approvals;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// Tool approvals: list and read (the <c>chat</c> scope), approve or deny (the <c>admin</c> scope), and the standing
/// grants that approvals with scope <c>session</c> or <c>always</c> create.
/// </summary>
internal static class ApprovalEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals");
        var chat = new GAgentScopeMetadata(GAgentScopes.Chat);
        approvals.MapGet("/", ListAsync).WithName("GAgentListApprovals").WithMetadata(chat);
        approvals.MapGet("/grants", ListGrantsAsync).WithName("GAgentListApprovalGrants").WithMetadata(chat);
        approvals.MapDelete("/grants/{id}", RevokeGrantAsync).WithName("GAgentRevokeApprovalGrant");
        approvals.MapGet("/{id}", GetAsync).WithName("GAgentGetApproval").WithMetadata(chat);
        approvals.MapPost("/{id}/approve", (string id, HttpContext context, ApprovalService service, IOptions<GAgentServerOptions> options) => DecideAsync(id, approve: true, context, service, options.Value)).WithName("GAgentApprove");
        approvals.MapPost("/{id}/deny", (string id, HttpContext context, ApprovalService service, IOptions<GAgentServerOptions> options) => DecideAsync(id, approve: false, context, service, options.Value)).WithName("GAgentDeny");
    }

    /// <summary>The 400 for a malformed approval id (which is never used as a file name).</summary>
    internal static IResult? InvalidId(string id) => ApprovalIds.IsValidApprovalId(id)
        ? null
        : ApiProblems.BadRequest($"'{id}' is not a valid approval id: approval ids are 'apv_' followed by 32 lowercase hex characters, as GET /api/approvals lists them.", "id");

    private static async Task<IResult> ListAsync(IApprovalStore store, string? status, string? sessionId, string? runId, int? limit, string? after, CancellationToken cancellationToken)
    {
        ApprovalStatus? filter = null;
        if (status is not null)
        {
            if (!ApprovalView.TryParseStatus(status, out var parsed))
            {
                return ApiProblems.BadRequest($"'status' must be pending, approved, denied or expired; got '{status}'.", "status");
            }

            filter = parsed;
        }

        var size = limit ?? 50;
        if (size is < 1 or > ApprovalQuery.MaxLimit)
        {
            return ApiProblems.BadRequest($"'limit' must be between 1 and {ApprovalQuery.MaxLimit}; got {size}.", "limit");
        }

        if (after is not null && !ApprovalIds.IsValidApprovalId(after))
        {
            return ApiProblems.BadRequest($"'after' must be the 'nextAfter' of the previous page (an approval id); got '{after}'.", "after");
        }

        var page = await store.ListAsync(new ApprovalQuery { Status = filter, SessionId = sessionId, RunId = runId, Limit = size, After = after }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new ApprovalListResponse([.. page.Items.Select(ApprovalView.From)], page.NextAfter), ApiJson.Context.ApprovalListResponse);
    }

    private static async Task<IResult> GetAsync(string id, IApprovalStore store, CancellationToken cancellationToken)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        return await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } approval
            ? TypedResults.Json(ApprovalView.From(approval), ApiJson.Context.ApprovalView)
            : ApiProblems.From(ErrorMapper.TryMap(new ApprovalNotFoundException(id))!);
    }

    private static async Task<IResult> DecideAsync(string id, bool approve, HttpContext context, ApprovalService service, GAgentServerOptions options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var body = new DecideApprovalRequest();
        if (context.Request.ContentLength is not 0 && (context.Request.ContentLength is > 0 || context.Request.ContentType is not null))
        {
            var (read, error) = await SessionEndpoints.ReadAsync(context, ApiJson.Context.DecideApprovalRequest, options).ConfigureAwait(false);
            if (error is not null)
            {
                return ApiProblems.From(error, context);
            }

            body = read!;
        }

        var scope = ApprovalScope.Once;
        if (approve && body.Scope is not null && !ApprovalView.TryParseScope(body.Scope, out scope))
        {
            return ApiProblems.BadRequest($"'scope' must be once, session or always; got '{body.Scope}'.", "scope");
        }

        if (body.Reason is { Length: > MaxReasonLength })
        {
            return ApiProblems.BadRequest($"'reason' is {body.Reason.Length} characters long; at most {MaxReasonLength} are accepted.", "reason");
        }

        try
        {
            var decided = await service.DecideAsync(id, approve, scope, body.Reason, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(ApprovalView.From(decided), ApiJson.Context.ApprovalView);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> ListGrantsAsync(IApprovalStore store, CancellationToken cancellationToken)
    {
        var grants = await store.ListGrantsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(new GrantListResponse([.. grants.Select(GrantView.From)]), ApiJson.Context.GrantListResponse);
    }

    private static async Task<IResult> RevokeGrantAsync(string id, IApprovalStore store, CancellationToken cancellationToken)
    {
        if (!ApprovalIds.IsValidGrantId(id))
        {
            return ApiProblems.BadRequest($"'{id}' is not a valid grant id: grant ids are 'grt_' followed by 32 lowercase hex characters, as GET /api/approvals/grants lists them.", "id");
        }

        return await store.RemoveGrantAsync(id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Grant '{id}' was not found. List grants with GET /api/approvals/grants.", "grant_not_found");
    }

    /// <summary>The longest denial reason accepted; the model reads it as the tool's result.</summary>
    internal const int MaxReasonLength = 2_000;
}
