using System.Collections.Frozen;
using GAgent.Events;
using GAgent.Profiles;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.Agent;

/// <summary>The registry's record of one run: its state, its journal and the token that stops it.</summary>
internal sealed class AgentRun : IAgentRun, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly UsageDetails _usage = new() { InputTokenCount = 0, OutputTokenCount = 0, TotalTokenCount = 0 };
    private AgentRunStatus _status = AgentRunStatus.Queued;
    private DateTimeOffset? _completedAt;
    private ChatFinishReason? _finishReason;
    private string? _errorMessage;

    public AgentRun(AgentRunRequest request, string sessionId, bool isPersistent, string modelId, int backlog, TimeProvider time, CancellationToken shutdown)
    {
        Id = RunIds.NewRunId();
        Request = request;
        SessionId = sessionId;
        IsPersistent = isPersistent;
        ModelId = modelId;
        CreatedAt = time.GetUtcNow();
        Journal = new RunJournal(Id, sessionId, backlog, time, request.Delivery == RunEventDelivery.EveryDelta);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        ClientToolNames = request.ClientTools.Count == 0 ? FrozenSet<string>.Empty : request.ClientTools.Select(static t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    public string Id { get; }

    public string SessionId { get; }

    public bool IsPersistent { get; }

    public string ModelId { get; }

    /// <summary>The profile the run uses; set once by the runner when the run is created.</summary>
    public AgentProfile Profile { get; init; } = AgentProfile.BuiltInDefault;

    public string ProfileId => Profile.Id;

    /// <summary>The server tools this run may invoke, by name (the profile's allowed tools and its built-ins). Empty until the loop prepares the run.</summary>
    public IReadOnlyDictionary<string, AIFunction> Tools { get; set; } = FrozenDictionary<string, AIFunction>.Empty;

    /// <summary>The names of the tools the caller declared and runs itself (<see cref="AgentRunRequest.ClientTools"/>).</summary>
    public IReadOnlySet<string> ClientToolNames { get; }

    /// <summary>The server tools offered to the model, in order.</summary>
    public IReadOnlyList<AITool> OfferedTools { get; set; } = [];

    public DateTimeOffset CreatedAt { get; }

    public AgentRunRequest Request { get; }

    public RunJournal Journal { get; }

    /// <summary>A run that must end before this one starts (queue policy).</summary>
    public Task? Predecessor { get; set; }

    /// <summary>Cancelled when the run is stopped or the host shuts down; flows into model calls and tools.</summary>
    public CancellationToken StopToken => _stop.Token;

    public AgentRunStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    public DateTimeOffset? CompletedAt
    {
        get
        {
            lock (_gate)
            {
                return _completedAt;
            }
        }
    }

    public UsageDetails Usage
    {
        get
        {
            lock (_gate)
            {
                return new UsageDetails
                {
                    InputTokenCount = _usage.InputTokenCount,
                    OutputTokenCount = _usage.OutputTokenCount,
                    TotalTokenCount = _usage.TotalTokenCount,
                };
            }
        }
    }

    public ChatFinishReason? FinishReason
    {
        get
        {
            lock (_gate)
            {
                return _finishReason;
            }
        }
    }

    public string? ErrorMessage
    {
        get
        {
            lock (_gate)
            {
                return _errorMessage;
            }
        }
    }

    public long LastSequence => Journal.LastSequence;

    public Task Completion => _completion.Task;

    public bool IsFinished => _completion.Task.IsCompleted;

    public IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence = 0, CancellationToken cancellationToken = default)
        => ReadEventsAsync(afterSequence, RunEventDelivery.EveryDelta, cancellationToken);

    public IAsyncEnumerable<AgentEvent> ReadEventsAsync(long afterSequence, RunEventDelivery delivery, CancellationToken cancellationToken = default)
    {
        EnsureReadable(afterSequence);
        return Journal.ReadAsync(afterSequence, delivery, cancellationToken);
    }

    public IAsyncEnumerable<ReadOnlyMemory<AgentEvent>> ReadEventBatchesAsync(long afterSequence, RunEventDelivery delivery, CancellationToken cancellationToken = default)
    {
        EnsureReadable(afterSequence);
        return Journal.ReadBatchesAsync(afterSequence, delivery, cancellationToken);
    }

    /// <summary>Checks the resume point when the read is asked for, not when it starts, so an expired one fails the call.</summary>
    private void EnsureReadable(long afterSequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        Journal.EnsureAvailable(afterSequence);
    }

    public bool RequestStop()
    {
        if (IsFinished)
        {
            return false;
        }

        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        return true;
    }

    public void MarkRunning()
    {
        lock (_gate)
        {
            _status = AgentRunStatus.Running;
        }
    }

    public void AddUsage(UsageDetails usage)
    {
        lock (_gate)
        {
            _usage.Add(usage);
        }
    }

    public void SetFinishReason(ChatFinishReason? reason)
    {
        lock (_gate)
        {
            _finishReason = reason;
        }
    }

    /// <summary>Records the final state; the journal must already hold the run's last event.</summary>
    public void Finish(AgentRunStatus status, DateTimeOffset at, string? errorMessage = null)
    {
        lock (_gate)
        {
            _status = status;
            _completedAt = at;
            _errorMessage = errorMessage;
        }

        Journal.Complete();
        _completion.TrySetResult();
    }

    public void Dispose() => _stop.Dispose();
}
