using System.Text.Json;
using GAgent.Events;
using GAgent.Memory;
using GAgent.Models;
using GAgent.Profiles;
using GAgent.Runtime.Tests.Agent;
using GAgent.Sessions;
using GAgent.Skills;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Profiles;

/// <summary>
/// Two profiles with different personas, memory and allowed tools, each with a session: nothing of one reaches the
/// other, and switching a session's profile changes persona and tools but keeps the session's own history.
/// </summary>
public sealed class ProfileIsolationTests : IAsyncDisposable
{
    private readonly TestRuntime _runtime;
    private int _diceRolls;

    public ProfileIsolationTests()
    {
        _runtime = new TestRuntime(
            configure: o => o.Memory.Tools = true,
            build: b => b
                .AddTool(() => { Interlocked.Increment(ref _diceRolls); return "4"; }, "roll_dice", "Rolls a die.")
                .AddTool(() => "noon", "clock", "Tells the time."));
    }

    private IProfileStore Profiles => _runtime.Services.GetRequiredService<IProfileStore>();

    private IMemoryStore Memory => _runtime.Services.GetRequiredService<IMemoryStore>();

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    [Fact]
    public async Task Personas_memory_and_tools_never_cross_profiles_and_switching_keeps_history()
    {
        await SeedAsync();
        var pirateSession = (await _runtime.Store.CreateAsync(new NewSession { Id = "on-ship", ProfileId = "pirate" })).Id;
        var teacherSession = (await _runtime.Store.CreateAsync(new NewSession { Id = "in-class", ProfileId = "teacher" })).Id;

        // The pirate remembers something new through its own memory tool.
        _runtime.Client
            .Enqueue(Updates.CallTool("c1", "remember", new Dictionary<string, object?> { ["entry"] = "The parrot is called Polly" }))
            .Enqueue(Updates.Answer("Aye."));
        var (pirateRun, pirateEvents) = await _runtime.RunAsync("Ahoy", pirateSession);
        Assert.Equal("pirate", pirateRun.ProfileId);
        Assert.Equal("pirate", EventAssert.Single<RunStartedEvent>(pirateEvents).ProfileId);
        Assert.Equal("Remembered.", EventAssert.Single<ToolCallResultEvent>(pirateEvents).Content);

        // The teacher's model tries the pirate's tool: it is neither offered nor run.
        _runtime.Client
            .Enqueue(Updates.CallTool("c2", "roll_dice"))
            .Enqueue(Updates.Answer("Class dismissed."));
        var (teacherRun, teacherEvents) = await _runtime.RunAsync("Good morning", teacherSession);
        Assert.Equal("teacher", teacherRun.ProfileId);
        var refused = EventAssert.Single<ToolCallResultEvent>(teacherEvents);
        Assert.True(refused.IsError);
        Assert.Equal(0, _diceRolls);

        var calls = _runtime.Client.Calls;
        var pirateSystem = SystemText(calls[0]);
        Assert.StartsWith("You are a pirate.", pirateSystem, StringComparison.Ordinal);
        Assert.Contains("Treasure is on Skull Island", pirateSystem, StringComparison.Ordinal);
        Assert.DoesNotContain("teacher", pirateSystem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Homework", pirateSystem, StringComparison.Ordinal);
        Assert.Equal(["roll_dice", "remember", "recall"], calls[0].ToolNames);

        var teacherSystem = SystemText(calls[2]);
        Assert.StartsWith("You are a teacher.", teacherSystem, StringComparison.Ordinal);
        Assert.Contains("Homework is due Monday", teacherSystem, StringComparison.Ordinal);
        Assert.DoesNotContain("pirate", teacherSystem, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Skull", teacherSystem, StringComparison.Ordinal);
        Assert.DoesNotContain("Polly", teacherSystem, StringComparison.Ordinal);
        Assert.Equal(["clock"], calls[2].ToolNames);
        Assert.DoesNotContain(calls[2].Messages, static m => m.Text.Contains("Ahoy", StringComparison.Ordinal));

        Assert.Contains("- The parrot is called Polly", (await Memory.GetAsync("pirate")).Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Polly", (await Memory.GetAsync("teacher")).Content, StringComparison.Ordinal);

        // Switching the pirate's session to the teacher: the teacher's persona and tools, the session's own history.
        await _runtime.Store.UpdateAsync(pirateSession, new SessionPatch { ProfileId = "teacher" });
        _runtime.Client.Enqueue(Updates.Answer("Let us study."));
        var (switched, _) = await _runtime.RunAsync("Now teach me", pirateSession);
        Assert.Equal("teacher", switched.ProfileId);
        var after = _runtime.Client.Calls[^1];
        Assert.StartsWith("You are a teacher.", SystemText(after), StringComparison.Ordinal);
        Assert.DoesNotContain("Skull", SystemText(after), StringComparison.Ordinal);
        Assert.Equal(["clock"], after.ToolNames);
        var history = after.Messages.Where(static m => m.Role != ChatRole.System).Select(static m => m.Text).ToList();
        Assert.Contains("Ahoy", history);
        Assert.Contains("Aye.", history);
        Assert.DoesNotContain("Good morning", history);
        Assert.Equal("Now teach me", history[^1]);
        Assert.All(await _runtime.MessagesAsync(pirateSession), static m => Assert.NotEqual("Good morning", m.Text));
    }

    [Fact]
    public async Task A_profile_named_as_model_runs_with_its_persona_and_model()
    {
        await SeedAsync();
        _runtime.Client.Enqueue(Updates.Answer("Arr."));
        var (run, _) = await _runtime.RunAsync("Hi", null, r => r with { ModelId = ProfileModelIds.ToModelId("pirate") });
        Assert.Equal(("pirate", TestRuntime.ModelId), (run.ProfileId, run.ModelId));
        Assert.StartsWith("You are a pirate.", SystemText(_runtime.Client.Calls[0]), StringComparison.Ordinal);

        await Assert.ThrowsAsync<ModelNotFoundException>(() => _runtime.StartAsync("Hi", null, r => r with { ModelId = "profile:ghost" }).AsTask());
        await Assert.ThrowsAsync<ModelNotFoundException>(() => _runtime.StartAsync("Hi", null, r => r with { ModelId = "profile:../x" }).AsTask());
        await Assert.ThrowsAsync<ProfileNotFoundException>(() => _runtime.StartAsync("Hi", null, r => r with { ProfileId = "ghost" }).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => _runtime.StartAsync("Hi", null, r => r with { ProfileId = "teacher", ModelId = "profile:pirate" }).AsTask());
    }

    [Fact]
    public async Task The_global_active_profile_applies_to_sessions_without_one_and_the_default_keeps_old_behaviour()
    {
        await SeedAsync();
        var session = await _runtime.CreateSessionAsync();
        _runtime.Client.Otherwise = _ => Updates.Answer("ok");

        var (before, _) = await _runtime.RunAsync("one", session);
        Assert.Equal(ProfileIds.Default, before.ProfileId);
        Assert.Equal("You are a test agent.", SystemText(_runtime.Client.Calls[^1]));
        Assert.Equal(["roll_dice", "clock", "remember", "recall"], _runtime.Client.Calls[^1].ToolNames);

        await Profiles.SetActiveProfileIdAsync("teacher");
        var (after, _) = await _runtime.RunAsync("two", session);
        Assert.Equal("teacher", after.ProfileId);
        Assert.StartsWith("You are a teacher.", SystemText(_runtime.Client.Calls[^1]), StringComparison.Ordinal);
        var (ephemeral, _) = await _runtime.RunAsync("three", null);
        Assert.Equal("teacher", ephemeral.ProfileId);
    }

    [Fact]
    public async Task A_session_whose_profile_is_gone_fails_clearly_instead_of_borrowing_another()
    {
        await SeedAsync();
        var session = (await _runtime.Store.CreateAsync(new NewSession { ProfileId = "pirate" })).Id;
        await Profiles.DeleteAsync("pirate");
        var error = await Assert.ThrowsAsync<ProfileNotFoundException>(() => _runtime.StartAsync("hi", session).AsTask());
        Assert.Contains(session, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_share_memory_only_when_a_scope_is_named_explicitly()
    {
        await SeedAsync();
        await Profiles.PutAsync(new AgentProfile { Id = "first-mate", Name = "Mate", Persona = "You are the first mate.", MemoryScope = "pirate", AllowedTools = [] });
        _runtime.Client.Enqueue(Updates.Answer("Aye."));
        var (run, _) = await _runtime.RunAsync("hi", null, r => r with { ProfileId = "first-mate" });
        Assert.Equal("first-mate", run.ProfileId);
        var call = _runtime.Client.Calls[0];
        Assert.Contains("Treasure is on Skull Island", SystemText(call), StringComparison.Ordinal);
        Assert.Empty(call.ToolNames);
    }

    [Fact]
    public async Task Enabled_skills_are_summarised_and_readable_disabled_ones_are_not()
    {
        await SeedAsync();
        var skills = _runtime.Services.GetRequiredService<ISkillStore>();
        await skills.PutAsync("knots", "---\nname: Knots\ndescription: Tying sailor knots\n---\nMake a loop, then pull.");
        await skills.PutAsync("secret", "---\nname: Secret\ndescription: Hidden skill\n---\nNever shown.");
        await skills.SetEnabledAsync("secret", false);
        await Profiles.PatchAsync("pirate", new ProfilePatch { AllowedTools = ["read_skill"] });
        _runtime.Client
            .Enqueue(Updates.CallTool("k1", "read_skill", new Dictionary<string, object?> { ["id"] = "knots" }))
            .Enqueue(Updates.CallTool("k2", "read_skill", new Dictionary<string, object?> { ["id"] = "secret" }))
            .Enqueue(Updates.Answer("Done."));

        var (_, events) = await _runtime.RunAsync("Teach me knots", null, r => r with { ProfileId = "pirate" });

        var system = SystemText(_runtime.Client.Calls[0]);
        Assert.Contains("knots: Knots. Tying sailor knots", system, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", system, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["read_skill"], _runtime.Client.Calls[0].ToolNames);
        var results = events.OfType<ToolCallResultEvent>().ToList();
        Assert.Equal("# Knots\n\nMake a loop, then pull.", results[0].Content);
        Assert.True(results[1].IsError);
        Assert.DoesNotContain("Never shown", results[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_publishes_a_memory_notification()
    {
        await SeedAsync();
        var bus = _runtime.Services.GetRequiredService<IGAgentEventBus>();
        var seen = new List<GAgentNotification>();
        using var subscription = bus.Subscribe(n => { lock (seen) { seen.Add(n); } });
        _runtime.Client
            .Enqueue(Updates.CallTool("c1", "remember", new Dictionary<string, object?> { ["entry"] = "Likes maps" }))
            .Enqueue(Updates.Answer("Aye."));
        await _runtime.RunAsync("hi", null, r => r with { ProfileId = "pirate" });

        var notification = Assert.Single(seen, static n => n.Name == GAgentEventNames.MemoryUpdated);
        Assert.Null(notification.SessionId);
        Assert.Equal("pirate", notification.Value.GetProperty("profileId").GetString());
        Assert.Equal("pirate", notification.Value.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Long_memory_enters_the_context_by_its_newest_part_only()
    {
        await using var runtime = new TestRuntime(configure: o => o.Memory.MaxContextChars = 200);
        var memory = runtime.Services.GetRequiredService<IMemoryStore>();
        for (var i = 0; i < 40; i++)
        {
            await memory.AppendAsync(ProfileIds.Default, $"fact number {i:00}");
        }

        runtime.Client.Enqueue(Updates.Answer("ok"));
        await runtime.RunAsync("hi", null);

        var system = SystemText(runtime.Client.Calls[0]);
        Assert.Contains("- fact number 39", system, StringComparison.Ordinal);
        Assert.DoesNotContain("fact number 00", system, StringComparison.Ordinal);
        Assert.Contains("older notes left out", system, StringComparison.Ordinal);
        Assert.True(system.Length < "You are a test agent.".Length + 400);
    }

    [Fact]
    public async Task Builder_hooks_replace_the_stores_with_instances()
    {
        var profiles = new InMemoryProfileStore(TimeProvider.System);
        var memory = new InMemoryMemoryStore(4_096, TimeProvider.System);
        var skills = new InMemorySkillStore(4_096, TimeProvider.System);
        await profiles.PutAsync(new AgentProfile { Id = "host-made", Name = "Host", Persona = "You come from the host." });
        await memory.AppendAsync("host-made", "Remember the host");
        await using var runtime = new TestRuntime(build: b => b.UseProfileStore(profiles).UseMemoryStore(memory).UseSkillStore(skills));

        Assert.Same(profiles, runtime.Services.GetRequiredService<IProfileStore>());
        Assert.Same(memory, runtime.Services.GetRequiredService<IMemoryStore>());
        Assert.Same(skills, runtime.Services.GetRequiredService<ISkillStore>());
        runtime.Client.Enqueue(Updates.Answer("ok"));
        await runtime.RunAsync("hi", null, r => r with { ProfileId = "host-made" });
        var system = SystemText(runtime.Client.Calls[0]);
        Assert.StartsWith("You come from the host.", system, StringComparison.Ordinal);
        Assert.Contains("Remember the host", system, StringComparison.Ordinal);
    }

    private static string SystemText(RecordedChatCall call) => Assert.Single(call.Messages, static m => m.Role == ChatRole.System).Text;

    private async Task SeedAsync()
    {
        await Profiles.PutAsync(new AgentProfile { Id = "pirate", Name = "Pirate", Persona = "You are a pirate.", AllowedTools = ["roll_dice", "remember", "recall"] });
        await Profiles.PutAsync(new AgentProfile { Id = "teacher", Name = "Teacher", Persona = "You are a teacher.", AllowedTools = ["clock"] });
        await Memory.AppendAsync("pirate", "Treasure is on Skull Island");
        await Memory.AppendAsync("teacher", "Homework is due Monday");
    }
}
