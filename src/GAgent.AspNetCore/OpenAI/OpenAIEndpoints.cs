using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;
using GAgent.AspNetCore.Streaming;
using GAgent.Events;
using GAgent.Models;
using GAgent.Profiles;
using GAgent.Runs;
using GAgent.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>The OpenAI-compatible endpoints under <c>/v1</c>.</summary>
internal static class OpenAIEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/models", ListModels).WithName("GAgentListModels");
        v1.MapGet("/models/{**id}", GetModel).WithName("GAgentGetModel");
        v1.MapPost("/chat/completions", CreateChatCompletionAsync).WithName("GAgentCreateChatCompletion").DisableRequestTimeout();
        Responses.ResponsesEndpoints.Map(v1);
    }

    /// <summary>
    /// The models, then every profile except the built-in default as <c>profile:{id}</c> (the default profile is what
    /// plain model ids run with until another profile is activated; it is still reachable as <c>profile:default</c>).
    /// </summary>
    private static async Task<Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ModelListResponse>> ListModels(IModelCatalog models, IProfileStore profiles, CancellationToken cancellationToken)
    {
        var listed = (await profiles.ListAsync(cancellationToken).ConfigureAwait(false)).Where(static p => p.Id != ProfileIds.Default);
        return TypedResults.Json(new ModelListResponse([.. models.Models.Select(ToWire), .. listed.Select(ToWire)]), OpenAIJson.Context.ModelListResponse);
    }

    private static async Task<IResult> GetModel(string id, IModelCatalog models, IProfileStore profiles, HttpContext context)
    {
        if (models.TryGetModel(id, out var model))
        {
            return TypedResults.Json(ToWire(model), OpenAIJson.Context.ModelResponse);
        }

        if (ProfileModelIds.TryParse(id, out var profileId) && ProfileIds.IsValid(profileId)
            && await profiles.GetAsync(profileId, context.RequestAborted).ConfigureAwait(false) is { } profile)
        {
            return TypedResults.Json(ToWire(profile), OpenAIJson.Context.ModelResponse);
        }

        return OpenAIResults.Error(ErrorMapper.TryMap(new ModelNotFoundException(id))!, context);
    }

    private static ModelResponse ToWire(AgentProfile profile) => new(ProfileModelIds.ToModelId(profile.Id), profile.CreatedAt.ToUnixTimeSeconds(), "gagent-profile");

    private static async Task<IResult> CreateChatCompletionAsync(HttpContext context, IAgentRunner runner, ISessionStore sessions, IOptions<GAgentServerOptions> options, TimeProvider time)
    {
        var server = options.Value;
        var (body, readError) = await JsonBody.ReadAsync(context, OpenAIJson.Context.ChatCompletionRequest, server.Limits.MaxOpenAIRequestBytes, server.Limits.MaxJsonDepth, nameof(HttpLimitsOptions.MaxOpenAIRequestBytes), ChatCompletionRequestReader.TryRead).ConfigureAwait(false);
        if (readError is not null)
        {
            return OpenAIResults.Error(readError, context);
        }

        var (mapped, mapError) = ChatCompletionRequestMapper.Map(body!, server);
        if (mapError is not null)
        {
            return OpenAIResults.Error(mapError, context);
        }

        var (request, bindError) = await ChatSessionBinding.BindAsync(context, mapped!, sessions).ConfigureAwait(false);
        if (bindError is not null)
        {
            return OpenAIResults.Error(bindError, context);
        }

        IAgentRun run;
        try
        {
            run = await runner.StartAsync(request!, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorMapper.TryMap(ex) is not null)
        {
            return OpenAIResults.Error(ErrorMapper.TryMap(ex)!, context);
        }

        var completionId = "chatcmpl-" + run.Id["run_".Length..];
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var cancelOnDisconnect = server.Disconnect.CancelOpenAIRunOnDisconnect;
        if (body!.Stream == true)
        {
            var stream = new ChatCompletionStream(run, completionId, created, body.Model!, body.StreamOptions?.IncludeUsage == true);
            context.Response.RegisterForDispose(stream);
            return new SseStreamResult<AgentEvent>(stream, _ => StopIf(cancelOnDisconnect, run));
        }

        try
        {
            var (response, error) = await ChatCompletionAggregator.CollectAsync(run, completionId, created, body.Model!, context.RequestAborted).ConfigureAwait(false);
            return error is null
                ? new BufferedJsonResult<ChatCompletionResponse>(response!, OpenAIJson.Context.ChatCompletionResponse)
                : OpenAIResults.Error(error, context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            StopIf(cancelOnDisconnect, run);
            return TypedResults.Empty;
        }
    }

    private static void StopIf(bool cancel, IAgentRun run)
    {
        if (cancel)
        {
            run.RequestStop();
        }
    }

    private static ModelResponse ToWire(ModelDescriptor model) => new(model.Id, model.CreatedAt.ToUnixTimeSeconds(), model.OwnedBy);
}
