using GAgent.Learning;
using GAgent.Profiles;
using GAgent.Runtime.Tests.Sessions;

namespace GAgent.Runtime.Tests.Learning;

/// <summary>The behaviour every <see cref="ILearningStore"/> must have. Each implementation's test class derives from this.</summary>
public abstract class LearningStoreConformanceTests : IDisposable
{
    private ILearningStore? _store;
    private int _next;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected ILearningStore Store => _store ??= CreateStore(Time);

    protected abstract ILearningStore CreateStore(TimeProvider time);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_store as IDisposable)?.Dispose();
        }
    }

    protected LearningCandidate SkillCandidate(string? id = null) => new()
    {
        Id = id ?? $"lrn_{Interlocked.Increment(ref _next):D4}",
        Kind = LearningCandidateKind.Skill,
        Title = "Release notes",
        Reason = "Asked three times how to write them.",
        Skill = new SkillProposal { SkillId = "release-notes", Content = "---\nname: Release notes\ndescription: Writes release notes\n---\nRead the log.\n" },
        Source = new LearningSource { ProposedBy = LearningProposer.Agent, SessionId = "s1", RunId = "run_1" },
    };

    protected LearningCandidate MemoryCandidate(string? id = null) => new()
    {
        Id = id ?? $"lrn_{Interlocked.Increment(ref _next):D4}",
        Kind = LearningCandidateKind.Memory,
        Title = "Tea",
        Memory = new MemoryProposal { ProfileId = "default", Entry = "Likes green tea" },
        Source = new LearningSource { ProposedBy = LearningProposer.Api },
    };

    [Fact]
    public async Task Add_stores_a_pending_candidate_at_version_1_and_get_reads_it_back()
    {
        var stored = await Store.AddAsync(SkillCandidate("lrn_a") with { Status = LearningCandidateStatus.Applied, Note = "ignored", Version = 9 });
        Assert.Equal((LearningCandidateStatus.Pending, 1L, (string?)null), (stored.Status, stored.Version, stored.Note));
        Assert.Equal(Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal(stored.CreatedAt, stored.UpdatedAt);

        var read = await Store.GetAsync("lrn_a");
        Assert.NotNull(read);
        Assert.Equal(stored.Skill, read.Skill);
        Assert.Equal(("s1", "run_1", LearningProposer.Agent), (read.Source.SessionId, read.Source.RunId, read.Source.ProposedBy));
        Assert.Equal(("Release notes", "Asked three times how to write them."), (read.Title, read.Reason));
        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(1, await Store.CountAsync(LearningCandidateStatus.Pending));
        Assert.Equal(0, await Store.CountAsync(LearningCandidateStatus.Approved));
    }

    [Fact]
    public async Task A_profile_change_round_trips_with_its_patch()
    {
        var candidate = new LearningCandidate
        {
            Id = "lrn_p",
            Kind = LearningCandidateKind.Profile,
            Title = "Shorter answers",
            Profile = new ProfileProposal { ProfileId = "default", Changes = new ProfilePatch { Persona = "Be brief.", AllowedTools = ["remember"], Theme = ProfileTheme.Dark } },
        };
        await Store.AddAsync(candidate);
        var read = (await Store.GetAsync("lrn_p"))!;
        Assert.Equal("Be brief.", read.Profile!.Changes.Persona);
        Assert.Equal(["remember"], read.Profile.Changes.AllowedTools!);
        Assert.Equal(ProfileTheme.Dark, read.Profile.Changes.Theme);
    }

    [Fact]
    public async Task Adding_an_existing_id_conflicts_and_invalid_candidates_are_refused()
    {
        await Store.AddAsync(SkillCandidate("lrn_dup"));
        var conflict = await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.AddAsync(SkillCandidate("lrn_dup")));
        Assert.Equal("learning_candidate_exists", conflict.ErrorCode);

        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(SkillCandidate("../../etc")));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(SkillCandidate("no-prefix")));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(SkillCandidate() with { Title = " " }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(SkillCandidate() with { Memory = MemoryCandidate().Memory }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(SkillCandidate() with { Skill = new SkillProposal { SkillId = "../x", Content = "c" } }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(MemoryCandidate() with { Memory = null }));
        var empty = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.AddAsync(new LearningCandidate { Id = "lrn_e", Kind = LearningCandidateKind.Profile, Title = "t", Profile = new ProfileProposal { ProfileId = "default", Changes = new ProfilePatch() } }));
        Assert.Equal("profile.changes", empty.ParamName);
        Assert.Equal(1, await Store.CountAsync());
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_read_as_missing()
    {
        Assert.Null(await Store.GetAsync("lrn_ghost"));
        Assert.Null(await Store.GetAsync("../lrn_x"));
        Assert.Null(await Store.GetAsync(string.Empty));
        await Assert.ThrowsAsync<LearningCandidateNotFoundException>(async () => await Store.TransitionAsync("lrn_ghost", LearningCandidateStatus.Approved));
        await Assert.ThrowsAsync<LearningCandidateNotFoundException>(async () => await Store.TransitionAsync("../etc", LearningCandidateStatus.Approved));
        await Assert.ThrowsAsync<LearningCandidateNotFoundException>(async () => await Store.UpdateAsync(SkillCandidate("lrn_ghost")));
    }

    [Fact]
    public async Task Listing_is_newest_first_filtered_and_paged()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var candidate = i % 2 == 0 ? SkillCandidate() : MemoryCandidate();
            ids.Add((await Store.AddAsync(candidate)).Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        await Store.TransitionAsync(ids[0], LearningCandidateStatus.Rejected);

        var first = await Store.ListAsync(new LearningQuery { Limit = 2 });
        Assert.Equal([ids[4], ids[3]], first.Items.Select(static c => c.Id));
        Assert.Equal(ids[3], first.NextAfter);
        var second = await Store.ListAsync(new LearningQuery { Limit = 2, After = first.NextAfter });
        Assert.Equal([ids[2], ids[1]], second.Items.Select(static c => c.Id));
        var last = await Store.ListAsync(new LearningQuery { Limit = 2, After = second.NextAfter });
        Assert.Equal([ids[0]], last.Items.Select(static c => c.Id));
        Assert.Null(last.NextAfter);

        var skills = await Store.ListAsync(new LearningQuery { Kind = LearningCandidateKind.Skill });
        Assert.Equal([ids[4], ids[2], ids[0]], skills.Items.Select(static c => c.Id));
        var pendingSkills = await Store.ListAsync(new LearningQuery { Kind = LearningCandidateKind.Skill, Status = LearningCandidateStatus.Pending });
        Assert.Equal([ids[4], ids[2]], pendingSkills.Items.Select(static c => c.Id));
        Assert.Null(pendingSkills.NextAfter);

        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new LearningQuery { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new LearningQuery { Limit = LearningQuery.MaxLimit + 1 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new LearningQuery { After = "../x" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.ListAsync(new LearningQuery { After = "lrn_ghost" }));
    }

    [Fact]
    public async Task Approve_then_apply_records_times_and_versions()
    {
        var added = await Store.AddAsync(SkillCandidate("lrn_ok"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var approved = await Store.TransitionAsync("lrn_ok", LearningCandidateStatus.Approved, "Good idea", expectedVersion: 1);
        Assert.Equal((LearningCandidateStatus.Approved, 2L, "Good idea"), (approved.Status, approved.Version, approved.Note));
        Assert.Equal(Time.GetUtcNow(), approved.DecidedAt);
        Assert.Equal(added.CreatedAt, approved.CreatedAt);

        Time.Advance(TimeSpan.FromMinutes(1));
        var applied = await Store.TransitionAsync("lrn_ok", LearningCandidateStatus.Applied);
        Assert.Equal((LearningCandidateStatus.Applied, 3L, "Good idea"), (applied.Status, applied.Version, applied.Note));
        Assert.Equal(Time.GetUtcNow(), applied.AppliedAt);
        Assert.Equal(approved.DecidedAt, applied.DecidedAt);
        Assert.Equal(applied, await Store.GetAsync("lrn_ok"));
    }

    [Fact]
    public async Task A_second_decision_conflicts_and_final_states_stay_final()
    {
        await Store.AddAsync(SkillCandidate("lrn_x"));
        await Store.TransitionAsync("lrn_x", LearningCandidateStatus.Approved);
        var again = await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_x", LearningCandidateStatus.Approved));
        Assert.Equal(LearningCandidateStatus.Approved, again.CurrentStatus);
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_x", LearningCandidateStatus.Rejected));

        await Store.AddAsync(SkillCandidate("lrn_r"));
        await Store.TransitionAsync("lrn_r", LearningCandidateStatus.Rejected, "Not useful");
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_r", LearningCandidateStatus.Approved));
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_r", LearningCandidateStatus.Applied));
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.UpdateAsync(SkillCandidate("lrn_r")));
        Assert.Equal("Not useful", (await Store.GetAsync("lrn_r"))!.Note);

        await Store.AddAsync(SkillCandidate("lrn_p"));
        var early = await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_p", LearningCandidateStatus.Applied));
        Assert.Contains("approve it first", early.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(async () => await Store.TransitionAsync("lrn_p", LearningCandidateStatus.Pending));
        Assert.Equal(LearningCandidateStatus.Pending, (await Store.GetAsync("lrn_p"))!.Status);
    }

    [Fact]
    public async Task Concurrent_decisions_have_exactly_one_winner()
    {
        await Store.AddAsync(SkillCandidate("lrn_race"));
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await Store.TransitionAsync("lrn_race", i % 2 == 0 ? LearningCandidateStatus.Approved : LearningCandidateStatus.Rejected);
                return true;
            }
            catch (LearningConflictException)
            {
                return false;
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);
        Assert.Single(results, static won => won);
        Assert.Equal(2, (await Store.GetAsync("lrn_race"))!.Version);
    }

    [Fact]
    public async Task A_stale_version_conflicts()
    {
        await Store.AddAsync(SkillCandidate("lrn_v"));
        var stale = await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.TransitionAsync("lrn_v", LearningCandidateStatus.Approved, expectedVersion: 7));
        Assert.Equal("learning_version_mismatch", stale.ErrorCode);
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.UpdateAsync(SkillCandidate("lrn_v") with { Title = "x" }, expectedVersion: 2));
        Assert.Equal(1, (await Store.GetAsync("lrn_v"))!.Version);
    }

    [Fact]
    public async Task Edits_replace_the_proposal_keep_identity_and_a_failed_candidate_returns_to_review()
    {
        var added = await Store.AddAsync(SkillCandidate("lrn_ed"));
        Time.Advance(TimeSpan.FromSeconds(5));
        var edited = await Store.UpdateAsync(added with
        {
            Title = "Better notes",
            Skill = added.Skill! with { Content = "---\nname: Notes\ndescription: d\n---\nNew body\n" },
            Source = new LearningSource { ProposedBy = LearningProposer.Api },
            CreatedAt = DateTimeOffset.UnixEpoch,
        }, expectedVersion: 1);
        Assert.Equal(("Better notes", 2L, LearningProposer.Agent, added.CreatedAt), (edited.Title, edited.Version, edited.Source.ProposedBy, edited.CreatedAt));
        Assert.Contains("New body", edited.Skill!.Content, StringComparison.Ordinal);
        Assert.Equal(Time.GetUtcNow(), edited.UpdatedAt);

        var kindChange = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.UpdateAsync(MemoryCandidate("lrn_ed")));
        Assert.Equal("kind", kindChange.ParamName);

        await Store.TransitionAsync("lrn_ed", LearningCandidateStatus.Approved, "ok");
        await Assert.ThrowsAsync<LearningConflictException>(async () => await Store.UpdateAsync(edited));
        var failed = await Store.TransitionAsync("lrn_ed", LearningCandidateStatus.Failed, "The profile is gone.");
        Assert.Equal((LearningCandidateStatus.Failed, "The profile is gone."), (failed.Status, failed.Error));

        var back = await Store.UpdateAsync(failed with { Title = "Fixed" });
        Assert.Equal((LearningCandidateStatus.Pending, (string?)null, (string?)null, (DateTimeOffset?)null), (back.Status, back.Error, back.Note, back.DecidedAt));

        await Store.TransitionAsync("lrn_ed", LearningCandidateStatus.Approved);
        await Store.TransitionAsync("lrn_ed", LearningCandidateStatus.Failed, "again");
        var retried = await Store.TransitionAsync("lrn_ed", LearningCandidateStatus.Applied);
        Assert.Equal((LearningCandidateStatus.Applied, (string?)null), (retried.Status, retried.Error));
    }

    [Fact]
    public async Task Over_long_notes_are_refused()
    {
        await Store.AddAsync(SkillCandidate("lrn_n"));
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.TransitionAsync("lrn_n", LearningCandidateStatus.Rejected, new string('x', LearningCandidate.MaxTextLength + 1)));
        Assert.Equal("note", error.ParamName);
        Assert.Equal(LearningCandidateStatus.Pending, (await Store.GetAsync("lrn_n"))!.Status);
    }
}
