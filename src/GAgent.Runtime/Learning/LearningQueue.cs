using System.Text.Json;
using GAgent.Configuration;
using GAgent.Events;
using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Skills;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GAgent.Learning;

/// <summary>
/// The learning queue's behaviour over <see cref="ILearningStore"/>: proposals are checked against their target
/// (a SKILL.md that parses, an existing profile, size caps) and capped in number; decisions and applying go through the
/// store's compare-and-set; applying writes the skill, memory entry or profile change; every change is announced as
/// <c>gagent.learning.*</c>. Used by the <c>propose_learning</c> tool and the control API alike.
/// </summary>
internal sealed class LearningQueue(
    ILearningStore store,
    ISkillStore skills,
    IMemoryStore memory,
    IProfileStore profiles,
    ProfileReferenceValidator references,
    IGAgentEventBus bus,
    IOptionsMonitor<GAgentOptions> options,
    TimeProvider time,
    ILogger<LearningQueue> logger) : IDisposable
{
    private readonly SemaphoreSlim _proposeLock = new(1, 1);
    private readonly SemaphoreSlim _applyLock = new(1, 1);

    public ILearningStore Store => store;

    /// <summary>Stores <paramref name="draft"/> (its id is assigned here) as a pending candidate after checking it against its target.</summary>
    /// <exception cref="ArgumentException">The proposal is not valid or its target refuses it; the parameter name is the JSON path of the member.</exception>
    /// <exception cref="LearningProposalTooLargeException">A text is over its target's cap.</exception>
    /// <exception cref="LearningLimitExceededException">Too many candidates are pending.</exception>
    public async Task<LearningCandidate> ProposeAsync(LearningCandidate draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var candidate = draft with { Id = LearningIds.New(), Status = LearningCandidateStatus.Pending, Note = null, Error = null };
        LearningValidation.Validate(candidate);
        await CheckTargetAsync(candidate, cancellationToken).ConfigureAwait(false);
        var max = options.CurrentValue.Learning.MaxPending;
        LearningCandidate stored;
        await _proposeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await store.CountAsync(LearningCandidateStatus.Pending, cancellationToken).ConfigureAwait(false) >= max)
            {
                throw new LearningLimitExceededException(max);
            }

            stored = await store.AddAsync(candidate, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _proposeLock.Release();
        }

        logger.CandidateProposed(stored.Id, LearningStoreBase.Text(stored.Kind), stored.Source.ProposedBy.ToString().ToLowerInvariant());
        Publish(GAgentEventNames.LearningProposed, stored);
        return stored;
    }

    /// <summary>Replaces the title, reason and proposal of a pending (or failed) candidate; it is pending afterwards.</summary>
    public async Task<LearningCandidate> EditAsync(LearningCandidate changed, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var existing = await store.GetAsync(changed.Id, cancellationToken).ConfigureAwait(false) ?? throw new LearningCandidateNotFoundException(changed.Id);
        if (!LearningStatusRules.CanEdit(existing.Status))
        {
            throw new LearningConflictException(existing.Id, existing.Status, $"The learning candidate '{existing.Id}' is {LearningStoreBase.Text(existing.Status)}; only pending or failed candidates can be edited. Propose a new one instead.");
        }

        LearningValidation.Validate(changed);
        await CheckTargetAsync(changed, cancellationToken).ConfigureAwait(false);
        var stored = await store.UpdateAsync(changed, expectedVersion, cancellationToken).ConfigureAwait(false);
        Publish(GAgentEventNames.LearningUpdated, stored);
        return stored;
    }

    /// <summary>Approves or rejects a pending candidate (rejects a failed one), once.</summary>
    public async Task<LearningCandidate> DecideAsync(string candidateId, bool approve, string? note, long? expectedVersion, CancellationToken cancellationToken)
    {
        var stored = await store.TransitionAsync(candidateId, approve ? LearningCandidateStatus.Approved : LearningCandidateStatus.Rejected, note, expectedVersion, cancellationToken).ConfigureAwait(false);
        logger.CandidateDecided(stored.Id, LearningStoreBase.Text(stored.Status));
        Publish(GAgentEventNames.LearningUpdated, stored);
        return stored;
    }

    /// <summary>
    /// Applies an approved (or failed) candidate to its target. When the target refuses it, the candidate becomes
    /// failed with the reason and the outcome carries the failure; nothing is half-written (each target write is atomic).
    /// </summary>
    /// <exception cref="LearningCandidateNotFoundException">The candidate does not exist.</exception>
    /// <exception cref="LearningConflictException">The candidate is not approved (or failed).</exception>
    public async Task<LearningApplyOutcome> ApplyAsync(string candidateId, CancellationToken cancellationToken)
    {
        await _applyLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var candidate = await store.GetAsync(candidateId, cancellationToken).ConfigureAwait(false) ?? throw new LearningCandidateNotFoundException(candidateId);
            if (!LearningStatusRules.CanTransition(candidate.Status, LearningCandidateStatus.Applied))
            {
                var hint = candidate.Status == LearningCandidateStatus.Pending
                    ? $"approve it first (POST /api/learning/{candidateId}/approve)."
                    : "that is final.";
                throw new LearningConflictException(candidateId, candidate.Status, $"The learning candidate '{candidateId}' is {LearningStoreBase.Text(candidate.Status)}; {hint}");
            }

            LearningApplyOutcome written;
            try
            {
                written = await WriteTargetAsync(candidate, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is GAgentException or ArgumentException)
            {
                var reason = Message(ex);
                logger.CandidateApplyFailed(candidateId, reason);
                var failed = await store.TransitionAsync(candidateId, LearningCandidateStatus.Failed, Truncate(reason), candidate.Version, cancellationToken).ConfigureAwait(false);
                Publish(GAgentEventNames.LearningUpdated, failed);
                return new LearningApplyOutcome(failed, ex);
            }

            var applied = await store.TransitionAsync(candidateId, LearningCandidateStatus.Applied, null, candidate.Version, cancellationToken).ConfigureAwait(false);
            logger.CandidateApplied(candidateId);
            Publish(GAgentEventNames.LearningUpdated, applied);
            return written with { Candidate = applied };
        }
        finally
        {
            _applyLock.Release();
        }
    }

    /// <summary>What applying the candidate would change now; null for rejected and applied candidates (nothing left to apply).</summary>
    public async Task<LearningPreview?> PreviewAsync(LearningCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!LearningStatusRules.IsOpen(candidate.Status))
        {
            return null;
        }

        switch (candidate.Kind)
        {
            case LearningCandidateKind.Skill when candidate.Skill is { } proposal:
            {
                var existing = await skills.GetAsync(proposal.SkillId, cancellationToken).ConfigureAwait(false);
                var path = $"skills/{proposal.SkillId}/SKILL.md";
                var diff = UnifiedDiff.Create(existing?.Content ?? string.Empty, proposal.Content, existing is null ? "/dev/null" : "a/" + path, "b/" + path);
                string? problem = null;
                try
                {
                    CheckSkill(proposal);
                }
                catch (Exception ex) when (ex is GAgentException or ArgumentException)
                {
                    problem = Message(ex);
                }

                return new LearningPreview(path, existing is not null, diff, [], problem);
            }

            case LearningCandidateKind.Memory when candidate.Memory is { } proposal:
            {
                var profile = await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false);
                if (profile is null)
                {
                    return new LearningPreview($"memory/{proposal.Scope ?? proposal.ProfileId}.md", false, null, [], new ProfileNotFoundException(proposal.ProfileId).Message);
                }

                var scope = proposal.Scope ?? profile.EffectiveMemoryScope;
                var path = $"memory/{scope}.md";
                var document = await memory.GetAsync(scope, cancellationToken).ConfigureAwait(false);
                var after = AppendedMemory(document.Content, proposal.Entry);
                var problem = after.Length > memory.MaxDocumentChars ? new MemoryTooLargeException(scope, after.Length, memory.MaxDocumentChars).Message : null;
                return new LearningPreview(path, document.UpdatedAt is not null, UnifiedDiff.Create(document.Content, after, "a/" + path, "b/" + path), [], problem);
            }

            case LearningCandidateKind.Profile when candidate.Profile is { } proposal:
            {
                var path = $"profiles/{proposal.ProfileId}";
                var profile = await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false);
                if (profile is null)
                {
                    return new LearningPreview(path, false, null, [], new ProfileNotFoundException(proposal.ProfileId).Message);
                }

                var after = ProfilePatching.Apply(profile, proposal.Changes);
                var diff = proposal.Changes.Persona is null ? null : UnifiedDiff.Create(profile.Persona ?? string.Empty, after.Persona ?? string.Empty, $"a/{path}/persona", $"b/{path}/persona");
                string? problem = null;
                try
                {
                    ProfileValidation.Validate(after);
                    references.Validate(after);
                }
                catch (ArgumentException ex)
                {
                    problem = Message(ex);
                }

                return new LearningPreview(path, true, diff, ProfilePatches.Changes(profile, proposal.Changes), problem);
            }

            default:
                return null;
        }
    }

    public void Dispose()
    {
        _proposeLock.Dispose();
        _applyLock.Dispose();
    }

    /// <summary>The memory text after appending <paramref name="entry"/>, by the rule every memory store follows.</summary>
    internal static string AppendedMemory(string current, string entry)
    {
        var separator = current.Length == 0 || current.EndsWith('\n') ? string.Empty : "\n";
        return string.Concat(current, separator, "- ", entry.ReplaceLineEndings(" ").Trim(), "\n");
    }

    /// <summary>An exception's message without the " (Parameter 'x')" suffix <see cref="ArgumentException"/> adds.</summary>
    internal static string Message(Exception exception)
    {
        var message = exception.Message;
        if (exception is ArgumentException)
        {
            var suffix = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
            return suffix > 0 ? message[..suffix] : message;
        }

        return message;
    }

    private static string Truncate(string text) => text.Length <= LearningCandidate.MaxTextLength ? text : text[..(LearningCandidate.MaxTextLength - 1)] + "…";

    private async Task<LearningApplyOutcome> WriteTargetAsync(LearningCandidate candidate, CancellationToken cancellationToken)
    {
        switch (candidate.Kind)
        {
            case LearningCandidateKind.Skill when candidate.Skill is { } proposal:
                var skill = await skills.PutAsync(proposal.SkillId, proposal.Content, cancellationToken).ConfigureAwait(false);
                return new LearningApplyOutcome(candidate, null) { Skill = skill };
            case LearningCandidateKind.Memory when candidate.Memory is { } proposal:
            {
                var profile = await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false) ?? throw new ProfileNotFoundException(proposal.ProfileId);
                var scope = proposal.Scope ?? profile.EffectiveMemoryScope;
                var document = await memory.AppendAsync(scope, proposal.Entry, cancellationToken).ConfigureAwait(false);
                MemoryNotifications.PublishUpdated(bus, time, profile.Id, scope);
                return new LearningApplyOutcome(candidate, null) { Memory = document, Profile = profile };
            }

            case LearningCandidateKind.Profile when candidate.Profile is { } proposal:
            {
                var current = await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false) ?? throw new ProfileNotFoundException(proposal.ProfileId);
                references.Validate(ProfilePatching.Apply(current, proposal.Changes));
                var changed = await profiles.PatchAsync(proposal.ProfileId, proposal.Changes, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new LearningApplyOutcome(candidate, null) { Profile = changed };
            }

            default:
                throw new ArgumentException($"The candidate has no '{LearningStoreBase.Text(candidate.Kind)}' proposal.", LearningStoreBase.Text(candidate.Kind));
        }
    }

    private async Task CheckTargetAsync(LearningCandidate candidate, CancellationToken cancellationToken)
    {
        switch (candidate.Kind)
        {
            case LearningCandidateKind.Skill when candidate.Skill is { } proposal:
                CheckSkill(proposal);
                break;
            case LearningCandidateKind.Memory when candidate.Memory is { } proposal:
                var maxEntry = options.CurrentValue.Memory.MaxEntryChars;
                if (proposal.Entry.Length > maxEntry)
                {
                    throw new LearningProposalTooLargeException("memory.entry", proposal.Entry.Length, maxEntry, "GAgent:Memory:MaxEntryChars");
                }

                if (await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw Invalid(new ProfileNotFoundException(proposal.ProfileId).Message, "memory.profileId");
                }

                break;
            case LearningCandidateKind.Profile when candidate.Profile is { } proposal:
                var current = await profiles.GetAsync(proposal.ProfileId, cancellationToken).ConfigureAwait(false)
                    ?? throw Invalid(new ProfileNotFoundException(proposal.ProfileId).Message, "profile.profileId");
                var after = ProfilePatching.Apply(current, proposal.Changes);
                try
                {
                    ProfileValidation.Validate(after);
                    references.Validate(after);
                }
                catch (ArgumentException ex)
                {
                    throw Invalid(Message(ex), "profile.changes." + ex.ParamName, ex);
                }

                break;
        }
    }

    private void CheckSkill(SkillProposal proposal)
    {
        if (proposal.Content.Length > skills.MaxSkillChars)
        {
            throw new LearningProposalTooLargeException("skill.content", proposal.Content.Length, skills.MaxSkillChars, "GAgent:Skills:MaxSkillChars");
        }

        try
        {
            SkillMarkdown.Parse(proposal.Content);
        }
        catch (InvalidSkillException ex)
        {
            throw Invalid(ex.Message, "skill.content", ex);
        }
    }

    private void Publish(string name, LearningCandidate candidate) => bus.Publish(new GAgentNotification
    {
        Name = name,
        Value = JsonSerializer.SerializeToElement(candidate, LearningJsonContext.Default.LearningCandidate),
        Timestamp = time.GetUtcNow(),
    });

    private static ArgumentException Invalid(string message, string member, Exception? inner = null) => new(message, member, inner);
}
