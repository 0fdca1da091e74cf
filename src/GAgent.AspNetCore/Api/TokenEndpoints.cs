using GAgent.AspNetCore.Api.Wire;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GAgent.AspNetCore.Api;

/// <summary><c>POST /api/tokens</c>: a short-lived single-use token for <c>/api/ws?token=</c>.</summary>
internal static class TokenEndpoints
{
    public static void Map(RouteGroupBuilder api)
        // Either scope may have a token, so the endpoint checks access itself instead of the group's admin-only filter.
        => api.MapPost("/tokens", Issue).WithName("GAgentIssueToken").WithMetadata(new GAgentAnonymousMetadata());

    private static IResult Issue(HttpContext context, GAgentAccessPolicy policy, AccessTokenStore tokens, TimeProvider time)
    {
        var (scopes, error) = policy.Authenticate(context);
        if (error is not null)
        {
            if (error.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return ApiProblems.From(error, context);
        }

        if (!scopes!.Contains(GAgentScopes.Chat) && !scopes.Contains(GAgentScopes.Admin))
        {
            return ApiProblems.From(new ErrorInfo(403, "This API key has neither the 'chat' nor the 'admin' scope needed for a token.", "insufficient_scope"), context);
        }

        var (token, expiresAt) = tokens.Issue(scopes);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(
            new TokenResponse(token, expiresAt, Math.Max(0, (expiresAt - time.GetUtcNow()).TotalSeconds), [.. scopes.Order(StringComparer.Ordinal)]),
            ApiJson.Context.TokenResponse);
    }
}
