using GAgent.Approvals;
using GAgent.Models;
using GAgent.Configuration;
using GAgent.Profiles;
using GAgent.Runs;
using GAgent.Sessions;
using GAgent.Tools;
using Microsoft.Extensions.Options;

namespace GAgent.Agent;

/// <summary>The default <see cref="IAgentRunner"/>: validates requests, registers runs and executes them with <see cref="AgentLoop"/> in the background.</summary>
internal sealed class AgentRunner(
    ISessionStore sessions,
    IModelCatalog models,
    AgentToolbox toolbox,
    IProfileStore profiles,
    RunRegistry registry,
    AgentLoop loop,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    IApprovalStore approvals) : IAgentRunner
{
    public async ValueTask<IAgentRun> StartAsync(AgentRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        if (request.ResumeFromRunId is { } resumed)
        {
            await ValidateResumeAsync(request.SessionId, resumed, cancellationToken).ConfigureAwait(false);
        }

        string sessionId;
        string? profileId = null;
        if (request.SessionId is { } requested)
        {
            SessionIds.Validate(requested, nameof(request.SessionId));
            var session = await sessions.GetAsync(requested, cancellationToken).ConfigureAwait(false) ?? throw new SessionNotFoundException(requested);
            sessionId = session.Id;
            profileId = session.ProfileId;
        }
        else
        {
            sessionId = RunIds.NewEphemeralSessionId();
        }

        var (profile, modelId) = await ResolveProfileAsync(request, sessionId, profileId, cancellationToken).ConfigureAwait(false);
        var run = new AgentRun(request, sessionId, request.SessionId is not null, modelId, options.CurrentValue.Runs.EventBacklog, time, registry.ShutdownToken) { Profile = profile };
        try
        {
            registry.Register(run);
        }
        catch
        {
            run.Dispose();
            throw;
        }

        // The run belongs to the registry, not to the caller: it keeps going when the caller's request ends. A caller
        // that asked for whole replies waits for the run's result, so the loop starts on its thread and runs until it
        // first waits (for the model, the store), which saves a thread-pool hop per request. Every other run starts on
        // the thread pool, so a model or tool that blocks cannot hold up a caller that goes on (a WebSocket's receive
        // loop, a channel's dispatcher, a stream's writer). ExecuteAsync never throws: it ends every run with an event.
        if (request.WholeModelReplies)
        {
            _ = loop.ExecuteAsync(run);
        }
        else
        {
            _ = Task.Run(() => loop.ExecuteAsync(run), CancellationToken.None);
        }

        return run;
    }

    public IAgentRun? GetRun(string runId) => registry.Get(runId);

    public IAgentRun? GetActiveRun(string sessionId) => registry.GetActive(sessionId);

    /// <summary>
    /// The run's profile: <c>model: profile:{id}</c> or <see cref="AgentRunRequest.ProfileId"/>, else the session's,
    /// else the globally active one. Its model: the request's explicit model, else the profile's, else the default.
    /// </summary>
    private async Task<(AgentProfile Profile, string ModelId)> ResolveProfileAsync(AgentRunRequest request, string sessionId, string? sessionProfileId, CancellationToken cancellationToken)
    {
        var modelId = request.ModelId;
        var profileId = request.ProfileId;
        var fromModel = false;
        if (ProfileModelIds.TryParse(modelId, out var named))
        {
            if (profileId is not null && profileId != named)
            {
                throw Invalid($"'model' names the profile '{named}' but the request also names the profile '{profileId}'; name one.", "model");
            }

            profileId = named;
            modelId = null;
            fromModel = true;
        }

        if (profileId is not null && !ProfileIds.IsValid(profileId))
        {
            throw fromModel ? new ModelNotFoundException(request.ModelId!) : Invalid(ProfileIds.Describe(profileId), "profileId");
        }

        AgentProfile? profile;
        if (profileId is not null)
        {
            profile = await profiles.GetAsync(profileId, cancellationToken).ConfigureAwait(false)
                ?? throw (fromModel ? new ModelNotFoundException(request.ModelId!) : new ProfileNotFoundException(profileId));
        }
        else if (sessionProfileId is not null)
        {
            profile = await profiles.GetAsync(sessionProfileId, cancellationToken).ConfigureAwait(false)
                ?? throw new ProfileNotFoundException(sessionProfileId, $"The session '{sessionId}' uses the profile '{sessionProfileId}', which does not exist. Choose another with PATCH /api/sessions/{sessionId} (profileId).");
        }
        else
        {
            var active = await profiles.GetActiveProfileIdAsync(cancellationToken).ConfigureAwait(false);
            profile = await profiles.GetAsync(active, cancellationToken).ConfigureAwait(false) ?? AgentProfile.BuiltInDefault;
        }

        modelId ??= profile.ModelId ?? models.DefaultModel.Id;
        if (!models.TryGetModel(modelId, out _))
        {
            throw new ModelNotFoundException(modelId);
        }

        return (profile, modelId);
    }

    /// <summary>A continuation needs the session and a run of it that paused on approvals.</summary>
    private async Task ValidateResumeAsync(string? sessionId, string resumed, CancellationToken cancellationToken)
    {
        if (sessionId is null)
        {
            throw new ArgumentException("A continuation (ResumeFromRunId) needs the session of the paused run.", nameof(sessionId));
        }

        var page = await approvals.ListAsync(new ApprovalQuery { RunId = resumed, SessionId = sessionId, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count == 0)
        {
            throw new ArgumentException($"Run '{resumed}' of session '{sessionId}' did not pause for approvals; there is nothing to resume.", nameof(resumed));
        }
    }

    private void Validate(AgentRunRequest request)
    {
        if (request.Messages is null || (request.Messages.Count == 0 && request.ResumeFromRunId is null))
        {
            throw new ArgumentException("A run needs at least one input message.", nameof(request));
        }

        foreach (var message in request.Messages)
        {
            if (message is null || message.Contents.Count == 0)
            {
                throw new ArgumentException("Every input message needs content; an empty message cannot be sent to the model.", nameof(request));
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in request.ClientTools)
        {
            if (!names.Add(tool.Name))
            {
                throw new ArgumentException($"The client declared the tool '{tool.Name}' twice; tool names must be unique.", nameof(request));
            }

            if (toolbox.Tools.ContainsKey(tool.Name))
            {
                throw new ArgumentException($"The client tool '{tool.Name}' has the name of one of the agent's own tools; rename it.", nameof(request));
            }
        }
    }

    private static ArgumentException Invalid(string message, string member) => new(message, member);
}
