namespace GAgent.Learning;

/// <summary>
/// The rules every learning store shares (validation, newest-first paging, the review life cycle, compare-and-set),
/// over a load-everything and a save-one primitive. Candidates are kept in memory after the first load (the queue is
/// small: its size is capped by <c>GAgent:Learning:MaxPending</c> and decided candidates are small records), and every
/// change goes through one lock, so a check and the write it guards are atomic.
/// </summary>
internal abstract class LearningStoreBase(TimeProvider time) : ILearningStore, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Dictionary<string, LearningCandidate>? _candidates;

    public async ValueTask<LearningPage> ListAsync(LearningQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > LearningQuery.MaxLimit)
        {
            throw Invalid($"'limit' must be between 1 and {LearningQuery.MaxLimit}; got {query.Limit}.", "limit");
        }

        if (query.After is not null && !LearningIds.IsValid(query.After))
        {
            throw Invalid(LearningIds.Describe(query.After), "after");
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
            IEnumerable<LearningCandidate> ordered = all.Values.OrderByDescending(static c => c.CreatedAt).ThenByDescending(static c => c.Id, StringComparer.Ordinal);
            if (query.After is { } after)
            {
                if (!all.TryGetValue(after, out var cursor))
                {
                    throw Invalid($"'after' names the candidate '{after}', which does not exist; pass the 'nextAfter' of the previous page.", "after");
                }

                ordered = ordered.Where(c => c.CreatedAt < cursor.CreatedAt || (c.CreatedAt == cursor.CreatedAt && string.CompareOrdinal(c.Id, cursor.Id) < 0));
            }

            var page = ordered
                .Where(c => (query.Status is not { } status || c.Status == status) && (query.Kind is not { } kind || c.Kind == kind))
                .Take(query.Limit + 1)
                .ToList();
            var more = page.Count > query.Limit;
            if (more)
            {
                page.RemoveAt(page.Count - 1);
            }

            return new LearningPage { Items = page, NextAfter = more ? page[^1].Id : null };
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<LearningCandidate?> GetAsync(string candidateId, CancellationToken cancellationToken = default)
    {
        if (!LearningIds.IsValid(candidateId))
        {
            return null;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await CandidatesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(candidateId);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<int> CountAsync(LearningCandidateStatus? status = null, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
            return status is { } wanted ? all.Values.Count(c => c.Status == wanted) : all.Count;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<LearningCandidate> AddAsync(LearningCandidate candidate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var now = time.GetUtcNow();
        var stored = candidate with
        {
            Status = LearningCandidateStatus.Pending,
            Note = null,
            Error = null,
            DecidedAt = null,
            AppliedAt = null,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        LearningValidation.Validate(stored);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
            if (all.TryGetValue(stored.Id, out var existing))
            {
                throw new LearningConflictException(stored.Id, existing.Status, $"A learning candidate with the id '{stored.Id}' exists already; use a new id.", "learning_candidate_exists");
            }

            await SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            all[stored.Id] = stored;
            return stored;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<LearningCandidate> UpdateAsync(LearningCandidate candidate, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        LearningValidation.Validate(candidate);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
            var existing = all.GetValueOrDefault(candidate.Id) ?? throw new LearningCandidateNotFoundException(candidate.Id);
            CheckVersion(existing, expectedVersion);
            if (!LearningStatusRules.CanEdit(existing.Status))
            {
                throw new LearningConflictException(existing.Id, existing.Status, $"The learning candidate '{existing.Id}' is {Text(existing.Status)}; only pending or failed candidates can be edited. Propose a new one instead.");
            }

            if (candidate.Kind != existing.Kind)
            {
                throw Invalid($"The candidate is a '{Text(existing.Kind)}' candidate; its kind cannot change. Propose a new candidate of kind '{Text(candidate.Kind)}' instead.", "kind");
            }

            var stored = existing with
            {
                Title = candidate.Title,
                Reason = candidate.Reason,
                Skill = candidate.Skill,
                Memory = candidate.Memory,
                Profile = candidate.Profile,
                Status = LearningCandidateStatus.Pending,
                Note = null,
                Error = null,
                DecidedAt = null,
                UpdatedAt = time.GetUtcNow(),
                Version = existing.Version + 1,
            };
            await SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            all[stored.Id] = stored;
            return stored;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<LearningCandidate> TransitionAsync(string candidateId, LearningCandidateStatus status, string? text = null, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (status is LearningCandidateStatus.Pending || !Enum.IsDefined(status))
        {
            throw new ArgumentException("A candidate becomes pending again only by an edit; transition it to approved, rejected, applied or failed.", nameof(status));
        }

        if (text is { Length: > LearningCandidate.MaxTextLength })
        {
            throw new ArgumentException($"The {(status == LearningCandidateStatus.Failed ? "error" : "note")} is {text.Length} characters long; at most {LearningCandidate.MaxTextLength} are allowed.", status == LearningCandidateStatus.Failed ? "error" : "note");
        }

        if (!LearningIds.IsValid(candidateId))
        {
            throw new LearningCandidateNotFoundException(candidateId);
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var all = await CandidatesAsync(cancellationToken).ConfigureAwait(false);
            var existing = all.GetValueOrDefault(candidateId) ?? throw new LearningCandidateNotFoundException(candidateId);
            CheckVersion(existing, expectedVersion);
            if (!LearningStatusRules.CanTransition(existing.Status, status))
            {
                throw new LearningConflictException(existing.Id, existing.Status, RefusalMessage(existing, status));
            }

            var now = time.GetUtcNow();
            var stored = status switch
            {
                LearningCandidateStatus.Approved or LearningCandidateStatus.Rejected => existing with { Note = string.IsNullOrWhiteSpace(text) ? null : text, DecidedAt = now },
                LearningCandidateStatus.Applied => existing with { Error = null, AppliedAt = now },
                _ => existing with { Error = string.IsNullOrWhiteSpace(text) ? "Applying the candidate failed." : text },
            };
            stored = stored with { Status = status, UpdatedAt = now, Version = existing.Version + 1 };
            await SaveAsync(stored, cancellationToken).ConfigureAwait(false);
            all[stored.Id] = stored;
            return stored;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lock.Dispose();
        }
    }

    /// <summary>Every stored candidate; called once, on first use.</summary>
    protected abstract ValueTask<IReadOnlyList<LearningCandidate>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Persists one candidate (created or changed); when it throws, nothing changes.</summary>
    protected abstract ValueTask SaveAsync(LearningCandidate candidate, CancellationToken cancellationToken);

    internal static string Text(LearningCandidateStatus status) => status.ToString().ToLowerInvariant();

    internal static string Text(LearningCandidateKind kind) => kind.ToString().ToLowerInvariant();

    private async ValueTask<Dictionary<string, LearningCandidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        if (_candidates is null)
        {
            var loaded = await LoadAllAsync(cancellationToken).ConfigureAwait(false);
            _candidates = loaded.ToDictionary(static c => c.Id, StringComparer.Ordinal);
        }

        return _candidates;
    }

    private static void CheckVersion(LearningCandidate existing, long? expected)
    {
        if (expected is { } version && version != existing.Version)
        {
            throw new LearningConflictException(
                existing.Id,
                existing.Status,
                $"The learning candidate '{existing.Id}' is at version {existing.Version}, not {version}: it changed since you read it. Read it again and retry.",
                "learning_version_mismatch");
        }
    }

    private static string RefusalMessage(LearningCandidate existing, LearningCandidateStatus wanted)
    {
        var id = existing.Id;
        return (existing.Status, wanted) switch
        {
            (LearningCandidateStatus.Pending, LearningCandidateStatus.Applied or LearningCandidateStatus.Failed)
                => $"The learning candidate '{id}' is pending: approve it first (POST /api/learning/{id}/approve), then apply it.",
            (LearningCandidateStatus.Rejected or LearningCandidateStatus.Applied, _)
                => $"The learning candidate '{id}' was {Text(existing.Status)} already; that is final. Propose a new candidate to change something else.",
            (_, LearningCandidateStatus.Approved or LearningCandidateStatus.Rejected)
                => $"The learning candidate '{id}' was {Text(existing.Status)} already; a candidate is decided once.",
            _ => $"The learning candidate '{id}' is {Text(existing.Status)}; it cannot become {Text(wanted)}.",
        };
    }

    private static ArgumentException Invalid(string message, string member, Exception? inner = null) => new(message, member, inner);
}
