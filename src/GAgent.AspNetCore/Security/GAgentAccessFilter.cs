using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI;
using Microsoft.AspNetCore.Http;

namespace GAgent.AspNetCore.Security;

/// <summary>Applies <see cref="GAgentAccessPolicy"/> to a group, answering in that group's error format.</summary>
internal sealed class GAgentAccessFilter(string scope, bool openAIErrors) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<GAgentAnonymousMetadata>() is not null)
        {
            return next(context);
        }

        var required = metadata?.GetMetadata<GAgentScopeMetadata>()?.Scope ?? scope;

        var policy = http.RequestServices.GetService(typeof(GAgentAccessPolicy)) as GAgentAccessPolicy
            ?? throw new InvalidOperationException("GAgent's services are missing; call builder.Services.AddGAgent().");
        var error = policy.Check(http, required);
        if (error is null)
        {
            var limiter = http.RequestServices.GetService(typeof(GAgentRateLimiter)) as GAgentRateLimiter;
            error = limiter?.TryAcquire(http);
            if (error is null)
            {
                return next(context);
            }
        }

        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return ValueTask.FromResult<object?>(openAIErrors ? OpenAIResults.Error(error, http) : ApiProblems.From(error, http));
    }
}
