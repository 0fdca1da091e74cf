using GAgent.Events;
using GAgent.Learning;
using GAgent.Memory;
using GAgent.Profiles;
using GAgent.Runtime.Tests.Agent;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Learning;

/// <summary>The agent's <c>propose_learning</c> tool: records pending candidates with their source, never applies them, and obeys options and profiles.</summary>
public sealed class ProposeLearningToolTests
{
    private const string Skill = "---\nname: Knots\ndescription: Tying sailor knots\n---\nMake a loop, then pull.\n";

    private static TestRuntime Create(int maxPending = 200, bool enabled = true) => new(
        configure: o =>
        {
            o.Learning.Enabled = enabled;
            o.Learning.MaxPending = maxPending;
        },
        build: static b => b.UseInMemoryLearningStore().AddTool(() => "4", "roll_dice", "Rolls a die."));

    [Fact]
    public async Task Runs_share_the_tool_but_each_proposal_records_its_own_run_and_session()
    {
        await using var runtime = Create();
        var first = await runtime.CreateSessionAsync("first");
        var second = await runtime.CreateSessionAsync("second");
        runtime.Client
            .Enqueue(Updates.CallTool("c1", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "memory", ["title"] = "One", ["reason"] = "r", ["entry"] = "First fact" }))
            .Enqueue(Updates.Answer("Noted."))
            .Enqueue(Updates.CallTool("c2", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "memory", ["title"] = "Two", ["reason"] = "r", ["entry"] = "Second fact" }))
            .Enqueue(Updates.Answer("Noted."));

        var (one, _) = await runtime.RunAsync("remember one", first);
        var (two, _) = await runtime.RunAsync("remember two", second);

        var items = (await runtime.Services.GetRequiredService<ILearningStore>().ListAsync(new LearningQuery())).Items;
        var a = Assert.Single(items, static c => c.Title == "One").Source;
        var b = Assert.Single(items, static c => c.Title == "Two").Source;
        Assert.Equal((first, one.Id), (a.SessionId, a.RunId));
        Assert.Equal((second, two.Id), (b.SessionId, b.RunId));

        // The run reaches the tool through the call, not through its parameters: the model sees none for it.
        var offered = runtime.Client.Calls[0].Options!.Tools!.OfType<Microsoft.Extensions.AI.AIFunction>().Single(static t => t.Name == ProposeLearningTool.Name);
        Assert.False(offered.JsonSchema.GetProperty("properties").TryGetProperty("arguments", out _));
    }

    [Fact]
    public async Task The_agent_proposes_a_memory_entry_that_waits_for_review_with_its_session_and_run()
    {
        await using var runtime = Create();
        var notifications = new List<GAgentNotification>();
        using var subscription = runtime.Services.GetRequiredService<IGAgentEventBus>().Subscribe(n =>
        {
            lock (notifications)
            {
                notifications.Add(n);
            }
        });
        var session = await runtime.CreateSessionAsync();
        runtime.Client
            .Enqueue(Updates.CallTool("c1", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "memory", ["title"] = "Tea", ["reason"] = "Said so twice", ["entry"] = "Likes green tea" }))
            .Enqueue(Updates.Answer("Noted for review."));
        var (run, events) = await runtime.RunAsync("I like green tea", session);

        Assert.Contains(ProposeLearningTool.Name, runtime.Client.Calls[0].ToolNames);
        var result = EventAssert.Single<ToolCallResultEvent>(events);
        Assert.False(result.IsError);
        Assert.StartsWith("Proposed as lrn_", result.Content, StringComparison.Ordinal);

        var candidate = Assert.Single((await runtime.Services.GetRequiredService<ILearningStore>().ListAsync(new LearningQuery())).Items);
        Assert.Contains(candidate.Id, result.Content, StringComparison.Ordinal);
        Assert.Equal((LearningCandidateKind.Memory, LearningCandidateStatus.Pending, "Tea", "Said so twice"), (candidate.Kind, candidate.Status, candidate.Title, candidate.Reason));
        Assert.Equal((LearningProposer.Agent, session, run.Id), (candidate.Source.ProposedBy, candidate.Source.SessionId, candidate.Source.RunId));
        Assert.Equal(("default", "Likes green tea"), (candidate.Memory!.ProfileId, candidate.Memory.Entry));

        // Nothing was applied.
        Assert.Equal(string.Empty, (await runtime.Services.GetRequiredService<IMemoryStore>().GetAsync("default")).Content);
        GAgentNotification proposed;
        lock (notifications)
        {
            proposed = Assert.Single(notifications, static n => n.Name == GAgentEventNames.LearningProposed);
        }

        Assert.Null(proposed.SessionId);
        Assert.Equal(candidate.Id, proposed.Value.GetProperty("id").GetString());
        Assert.Equal("pending", proposed.Value.GetProperty("status").GetString());
        Assert.Equal("agent", proposed.Value.GetProperty("source").GetProperty("proposedBy").GetString());
    }

    [Fact]
    public async Task A_skill_and_a_profile_change_are_recorded_for_the_runs_own_profile()
    {
        await using var runtime = Create();
        await runtime.Services.GetRequiredService<IProfileStore>().PutAsync(new AgentProfile { Id = "pirate", Name = "Pirate" });
        var session = (await runtime.Store.CreateAsync(new GAgent.Sessions.NewSession { ProfileId = "pirate" })).Id;
        runtime.Client
            .Enqueue(Updates.CallTool("c1", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "skill", ["title"] = "Knots", ["reason"] = "r", ["skillId"] = "knots", ["content"] = Skill }))
            .Enqueue(Updates.CallTool("c2", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "profile", ["title"] = "Louder", ["reason"] = "r", ["persona"] = "You are a loud pirate.", ["allowedTools"] = new[] { "roll_dice" } }))
            .Enqueue(Updates.Answer("Done."));
        await runtime.RunAsync("Learn", session);

        var items = (await runtime.Services.GetRequiredService<ILearningStore>().ListAsync(new LearningQuery())).Items;
        var skill = Assert.Single(items, static c => c.Kind == LearningCandidateKind.Skill);
        Assert.Equal(("knots", Skill), (skill.Skill!.SkillId, skill.Skill.Content));
        var profile = Assert.Single(items, static c => c.Kind == LearningCandidateKind.Profile);
        Assert.Equal("pirate", profile.Profile!.ProfileId);
        Assert.Equal("You are a loud pirate.", profile.Profile.Changes.Persona);
        Assert.Equal(["roll_dice"], profile.Profile.Changes.AllowedTools!);
        Assert.Equal("Pirate", (await runtime.Services.GetRequiredService<IProfileStore>().GetAsync("pirate"))!.Name);
        Assert.Null((await runtime.Services.GetRequiredService<IProfileStore>().GetAsync("pirate"))!.Persona);
    }

    [Fact]
    public async Task Bad_proposals_and_a_full_queue_are_error_results_the_model_can_read()
    {
        await using var runtime = Create(maxPending: 1);
        var session = await runtime.CreateSessionAsync();
        runtime.Client
            .Enqueue(Updates.CallTool("c1", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "skill", ["title"] = "Bad", ["reason"] = "r", ["skillId"] = "bad", ["content"] = "no front matter" }))
            .Enqueue(Updates.CallTool("c2", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "recipe", ["title"] = "t", ["reason"] = "r" }))
            .Enqueue(Updates.CallTool("c3", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "memory", ["title"] = "One", ["reason"] = "r", ["entry"] = "first" }))
            .Enqueue(Updates.CallTool("c4", ProposeLearningTool.Name, new Dictionary<string, object?> { ["kind"] = "memory", ["title"] = "Two", ["reason"] = "r", ["entry"] = "second" }))
            .Enqueue(Updates.Answer("Ok."));
        var (_, events) = await runtime.RunAsync("Learn", session);

        var results = events.OfType<ToolCallResultEvent>().ToList();
        Assert.Equal([true, true, false, true], results.Select(static r => r.IsError));
        Assert.Contains("front matter", results[0].Content, StringComparison.Ordinal);
        Assert.Contains("'kind'", results[1].Content, StringComparison.Ordinal);
        Assert.Contains("GAgent:Learning:MaxPending", results[3].Content, StringComparison.Ordinal);
        Assert.Equal(1, await runtime.Services.GetRequiredService<ILearningStore>().CountAsync());
    }

    [Fact]
    public async Task The_tool_is_hidden_when_disabled_or_not_allowed_by_the_profile()
    {
        await using (var disabled = Create(enabled: false))
        {
            disabled.Client.Enqueue(Updates.Answer("Hi."));
            await disabled.RunAsync("Hello", await disabled.CreateSessionAsync());
            Assert.Equal(["roll_dice"], disabled.Client.Calls[0].ToolNames);
        }

        await using var runtime = Create();
        var profiles = runtime.Services.GetRequiredService<IProfileStore>();
        await profiles.PutAsync(new AgentProfile { Id = "quiet", Name = "Quiet", AllowedTools = ["roll_dice"] });
        await profiles.PutAsync(new AgentProfile { Id = "learner", Name = "Learner", AllowedTools = [ProposeLearningTool.Name] });
        runtime.Client.Enqueue(Updates.Answer("Hi.")).Enqueue(Updates.Answer("Hi."));
        await runtime.RunAsync("Hello", (await runtime.Store.CreateAsync(new GAgent.Sessions.NewSession { ProfileId = "quiet" })).Id);
        await runtime.RunAsync("Hello", (await runtime.Store.CreateAsync(new GAgent.Sessions.NewSession { ProfileId = "learner" })).Id);
        Assert.Equal(["roll_dice"], runtime.Client.Calls[0].ToolNames);
        Assert.Equal([ProposeLearningTool.Name], runtime.Client.Calls[1].ToolNames);
    }
}
