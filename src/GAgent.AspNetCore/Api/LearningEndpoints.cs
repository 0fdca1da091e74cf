using System.Text.Json;
using System.Text.Json.Nodes;
using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.Events;
using GAgent.Learning;
using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.Api;

/// <summary>
/// The learning queue: list, detail with a preview of what applying would change, propose, edit, approve (optionally
/// applying), reject and apply. Reviewing is the owner's job, so every endpoint needs the <c>admin</c> scope.
/// </summary>
internal static class LearningEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var learning = api.MapGroup("/learning");
        learning.MapGet("/", ListAsync).WithName("GAgentListLearning");
        learning.MapPost("/", ProposeAsync).WithName("GAgentProposeLearning");
        learning.MapGet("/{id}", GetAsync).WithName("GAgentGetLearning");
        learning.MapPut("/{id}", EditAsync).WithName("GAgentPutLearning");
        learning.MapPatch("/{id}", EditAsync).WithName("GAgentPatchLearning");
        learning.MapPost("/{id}/approve", (string id, HttpContext context, LearningQueue queue, IProfileStore profiles, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options) => DecideAsync(id, approve: true, context, queue, profiles, bus, time, options)).WithName("GAgentApproveLearning");
        learning.MapPost("/{id}/reject", (string id, HttpContext context, LearningQueue queue, IProfileStore profiles, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options) => DecideAsync(id, approve: false, context, queue, profiles, bus, time, options)).WithName("GAgentRejectLearning");
        learning.MapPost("/{id}/apply", ApplyAsync).WithName("GAgentApplyLearning");
    }

    private static async Task<IResult> ListAsync(HttpContext context, LearningQueue queue)
    {
        var query = context.Request.Query;
        LearningCandidateStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            if (!TryParse<LearningCandidateStatus>(statusText, out var parsed))
            {
                return ApiProblems.BadRequest($"'status' must be pending, approved, rejected, applied or failed; got '{statusText}'.", "status");
            }

            status = parsed;
        }

        LearningCandidateKind? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } kindText)
        {
            if (!TryParse<LearningCandidateKind>(kindText, out var parsed))
            {
                return ApiProblems.BadRequest($"'kind' must be skill, memory or profile; got '{kindText}'.", "kind");
            }

            kind = parsed;
        }

        var limit = 50;
        if (query["limit"].ToString() is { Length: > 0 } limitText
            && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit is < 1 or > LearningQuery.MaxLimit))
        {
            return ApiProblems.BadRequest($"'limit' must be a whole number from 1 to {LearningQuery.MaxLimit}; got '{limitText}'.", "limit");
        }

        var after = query["after"].ToString() is { Length: > 0 } afterText ? afterText : null;
        try
        {
            var page = await queue.Store.ListAsync(new LearningQuery { Status = status, Kind = kind, Limit = limit, After = after }, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(new LearningListResponse(page.Items, page.NextAfter), LearningApiJson.Context.LearningListResponse);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, LearningQueue queue)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var candidate = await queue.Store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (candidate is null)
        {
            return NotFound(id);
        }

        var json = (JsonObject)JsonSerializer.SerializeToNode(candidate, LearningApiJson.Context.LearningCandidate)!;
        if (await queue.PreviewAsync(candidate, context.RequestAborted).ConfigureAwait(false) is { } preview)
        {
            json["preview"] = JsonSerializer.SerializeToNode(
                new LearningPreviewResponse(preview.Target, preview.TargetExists, preview.Diff, [.. preview.Fields.Select(static f => new LearningFieldChangeResponse(f.Field, f.Before, f.After))], preview.Problem),
                LearningApiJson.Context.LearningPreviewResponse);
        }

        return TypedResults.Json(json, LearningApiJson.Context.JsonObject);
    }

    private static async Task<IResult> ProposeAsync(HttpContext context, LearningQueue queue, IOptions<GAgentServerOptions> options)
    {
        var (body, error) = await SessionEndpoints.ReadAsync(context, LearningApiJson.Context.LearningProposalRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        if (string.IsNullOrEmpty(body!.Kind))
        {
            return ApiProblems.BadRequest("Say what to learn in 'kind': skill, memory or profile.", "kind");
        }

        if (!TryParse<LearningCandidateKind>(body.Kind, out var kind))
        {
            return ApiProblems.BadRequest($"'kind' must be skill, memory or profile; got '{body.Kind}'.", "kind");
        }

        var draft = new LearningCandidate
        {
            Id = LearningIds.Prefix + "draft",
            Kind = kind,
            Title = body.Title ?? string.Empty,
            Reason = EmptyToNull(body.Reason),
            Source = new LearningSource { ProposedBy = LearningProposer.Api },
        };
        var (candidate, problem) = WithProposal(draft, body, existing: null);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var stored = await queue.ProposeAsync(candidate!, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{stored.Id}", Node(stored));
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> EditAsync(string id, HttpContext context, LearningQueue queue, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var (body, error) = await SessionEndpoints.ReadAsync(context, LearningApiJson.Context.LearningProposalRequest, options.Value).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiProblems.From(error, context);
        }

        var existing = await queue.Store.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (existing is null)
        {
            return NotFound(id);
        }

        if (body!.Kind is { Length: > 0 } kindText && (!TryParse<LearningCandidateKind>(kindText, out var kind) || kind != existing.Kind))
        {
            return ApiProblems.BadRequest($"The candidate is a '{Text(existing.Kind)}' candidate; its kind cannot change. Leave 'kind' out, or propose a new candidate.", "kind");
        }

        var edited = existing with
        {
            Title = body.Title ?? existing.Title,
            Reason = body.Reason is null ? existing.Reason : EmptyToNull(body.Reason),
        };
        var (candidate, problem) = WithProposal(edited, body, existing);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var stored = await queue.EditAsync(candidate!, body.Version, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Json(Node(stored), LearningApiJson.Context.JsonObject);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> DecideAsync(string id, bool approve, HttpContext context, LearningQueue queue, IProfileStore profiles, IGAgentEventBus bus, TimeProvider time, IOptions<GAgentServerOptions> options)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        var body = new LearningDecisionRequest();
        if (HasBody(context))
        {
            var (read, error) = await SessionEndpoints.ReadAsync(context, LearningApiJson.Context.LearningDecisionRequest, options.Value).ConfigureAwait(false);
            if (error is not null)
            {
                return ApiProblems.From(error, context);
            }

            body = read!;
        }

        if (!approve && body.Apply == true)
        {
            return ApiProblems.BadRequest("'apply' only goes with approve; a rejected candidate is never applied.", "apply");
        }

        var note = approve ? body.Note ?? body.Reason : body.Reason ?? body.Note;
        if (note is { Length: > LearningCandidate.MaxTextLength })
        {
            return ApiProblems.From(new ErrorInfo(413, $"The {(approve ? "note" : "reason")} is {note.Length} characters long; at most {LearningCandidate.MaxTextLength} are allowed.", "learning_proposal_too_large", approve ? "note" : "reason"), context);
        }

        try
        {
            var decided = await queue.DecideAsync(id, approve, note, body.Version, context.RequestAborted).ConfigureAwait(false);
            if (approve && body.Apply == true)
            {
                return await ApplyAsync(id, context, queue, profiles, bus, time).ConfigureAwait(false);
            }

            return TypedResults.Json(Node(decided), LearningApiJson.Context.JsonObject);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }
    }

    private static async Task<IResult> ApplyAsync(string id, HttpContext context, LearningQueue queue, IProfileStore profiles, IGAgentEventBus bus, TimeProvider time)
    {
        if (InvalidId(id) is { } invalid)
        {
            return invalid;
        }

        LearningApplyOutcome outcome;
        try
        {
            outcome = await queue.ApplyAsync(id, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            return ApiProblems.From(mapped, context);
        }

        if (outcome.Failure is { } failure)
        {
            var status = failure switch
            {
                ProfileNotFoundException or SkillNotFoundException or ProfileVersionMismatchException => 409,
                MemoryTooLargeException or SkillTooLargeException or LearningProposalTooLargeException => 413,
                _ => 400,
            };
            var code = failure is GAgentException known ? known.ErrorCode : "invalid_request";
            return ApiProblems.From(new ErrorInfo(status, $"Applying the learning candidate '{id}' failed: {LearningQueue.Message(failure)} The candidate is now 'failed': fix the target and apply it again, edit it (it returns to review), or reject it.", code), context);
        }

        // The target changed: announce it as its own endpoints would.
        if (outcome.Skill is { } skill)
        {
            StateNotifications.Publish(bus, time, GAgentEventNames.SkillUpdated, new SkillResponse(skill.Id, skill.Name, skill.Description, skill.Enabled, skill.UpdatedAt, null, null), ApiJson.Context.SkillResponse);
        }
        else if (outcome.Profile is { } profile && outcome.Candidate.Kind == LearningCandidateKind.Profile)
        {
            var active = await profiles.GetActiveProfileIdAsync(context.RequestAborted).ConfigureAwait(false);
            StateNotifications.Publish(bus, time, GAgentEventNames.ProfileUpdated, ProfileEndpoints.ToWire(profile, active, null), ApiJson.Context.ProfileResponse);
        }

        return TypedResults.Json(Node(outcome.Candidate), LearningApiJson.Context.JsonObject);
    }

    /// <summary>Sets the proposal of <paramref name="candidate"/>'s kind from the request (merged into <paramref name="existing"/>'s on edits), or returns the problem.</summary>
    private static (LearningCandidate? Candidate, IResult? Problem) WithProposal(LearningCandidate candidate, LearningProposalRequest body, LearningCandidate? existing)
    {
        var kind = Text(candidate.Kind);
        if ((candidate.Kind != LearningCandidateKind.Skill && body.Skill is not null)
            || (candidate.Kind != LearningCandidateKind.Memory && body.Memory is not null)
            || (candidate.Kind != LearningCandidateKind.Profile && body.Profile is not null))
        {
            return (null, ApiProblems.BadRequest($"A '{kind}' candidate takes only the '{kind}' proposal; remove the others.", kind));
        }

        switch (candidate.Kind)
        {
            case LearningCandidateKind.Skill:
                if (body.Skill is null && existing is null)
                {
                    return (null, ApiProblems.BadRequest("Send the skill as {\"skill\": {\"skillId\": \"...\", \"content\": \"---\\nname: ...\\ndescription: ...\\n---\\n...\"}}.", "skill"));
                }

                return (candidate with
                {
                    Skill = new SkillProposal
                    {
                        SkillId = body.Skill?.SkillId ?? existing?.Skill?.SkillId ?? string.Empty,
                        Content = body.Skill?.Content ?? existing?.Skill?.Content ?? string.Empty,
                    },
                }, null);
            case LearningCandidateKind.Memory:
                if (body.Memory is null && existing is null)
                {
                    return (null, ApiProblems.BadRequest("Send the entry as {\"memory\": {\"profileId\": \"...\", \"entry\": \"...\"}}.", "memory"));
                }

                return (candidate with
                {
                    Memory = new MemoryProposal
                    {
                        ProfileId = body.Memory?.ProfileId ?? existing?.Memory?.ProfileId ?? string.Empty,
                        Scope = body.Memory is { Scope: { } scope } ? EmptyToNull(scope) : existing?.Memory?.Scope,
                        Entry = body.Memory?.Entry ?? existing?.Memory?.Entry ?? string.Empty,
                    },
                }, null);
            default:
                if (body.Profile is null && existing is null)
                {
                    return (null, ApiProblems.BadRequest("Send the change as {\"profile\": {\"profileId\": \"...\", \"changes\": {\"persona\": \"...\"}}}.", "profile"));
                }

                var changes = body.Profile?.Changes ?? existing?.Profile?.Changes;
                if (changes is null)
                {
                    return (null, ApiProblems.BadRequest("'profile.changes' must be an object with the members to change (name, description, persona, modelId, allowedTools, ...).", "profile.changes"));
                }

                return (candidate with
                {
                    Profile = new ProfileProposal
                    {
                        ProfileId = body.Profile?.ProfileId ?? existing?.Profile?.ProfileId ?? string.Empty,
                        Changes = changes,
                    },
                }, null);
        }
    }

    private static ErrorInfo? Map(Exception exception) => exception switch
    {
        LearningCandidateNotFoundException e => new ErrorInfo(404, e.Message, e.ErrorCode),
        LearningConflictException e => new ErrorInfo(409, e.Message, e.ErrorCode),
        LearningLimitExceededException e => new ErrorInfo(409, e.Message, e.ErrorCode),
        LearningProposalTooLargeException e => new ErrorInfo(413, e.Message, e.ErrorCode, e.Member),
        _ => ErrorMapper.TryMap(exception),
    };

    private static bool HasBody(HttpContext context)
        => context.Request.ContentLength is > 0
            || (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private static JsonObject Node(LearningCandidate candidate)
        => (JsonObject)JsonSerializer.SerializeToNode(candidate, LearningApiJson.Context.LearningCandidate)!;

    private static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
        => Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]) && text[0] != '-';

    private static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => value.ToString().ToLowerInvariant();

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? InvalidId(string id) => LearningIds.IsValid(id) ? null : ApiProblems.BadRequest(LearningIds.Describe(id), "id");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string id) => ApiProblems.NotFound(new LearningCandidateNotFoundException(id).Message, "learning_candidate_not_found");
}
