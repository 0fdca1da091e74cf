using GAgent.Models;
using GAgent.Configuration;
using GAgent.Runs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ModelCatalogTests
{
    [Fact]
    public void Default_is_the_first_model_that_is_not_the_demo()
    {
        using var provider = Build(b => b.UseOfflineDemoModel().AddChatClient("first", new ScriptedChatClient()).AddChatClient("second", new ScriptedChatClient()));
        var catalog = provider.GetRequiredService<IModelCatalog>();

        Assert.Equal("first", catalog.DefaultModel.Id);
        Assert.False(catalog.DefaultModel.IsDemo);
        Assert.Equal(["first", "gagent-demo", "second"], catalog.Models.Select(static m => m.Id));
    }

    [Fact]
    public void Default_model_option_is_respected_and_listed_first()
    {
        using var provider = Build(b => b.AddChatClient("first", new ScriptedChatClient()).AddChatClient("second", new ScriptedChatClient()), o => o.DefaultModel = "second");
        var catalog = provider.GetRequiredService<IModelCatalog>();

        Assert.Equal("second", catalog.DefaultModel.Id);
        Assert.Equal(["second", "first"], catalog.Models.Select(static m => m.Id));
    }

    [Fact]
    public void Demo_model_can_be_chosen_as_default_explicitly()
    {
        using var provider = Build(b => b.AddChatClient("real", new ScriptedChatClient()).UseOfflineDemoModel(), o => o.DefaultModel = "gagent-demo");

        Assert.True(provider.GetRequiredService<IModelCatalog>().DefaultModel.IsDemo);
    }

    [Fact]
    public void Unknown_default_model_is_a_helpful_error()
    {
        using var provider = Build(b => b.AddChatClient("alpha", new ScriptedChatClient()).AddChatClient("beta", new ScriptedChatClient()), o => o.DefaultModel = "gamma");

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IModelCatalog>());

        Assert.Contains("gamma", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alpha, beta", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_model_ids_are_a_helpful_error()
    {
        using var provider = Build(b => b.AddChatClient("twin", new ScriptedChatClient()).AddChatClient("twin", new ScriptedChatClient()));

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IModelCatalog>());

        Assert.Contains("'twin'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_model_is_a_helpful_error()
    {
        using var provider = Build(_ => { });

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IModelCatalog>());

        Assert.Contains("AddChatClient", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseOfflineDemoModel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_are_created_once_on_first_use_and_unknown_ids_are_not_found()
    {
        var created = 0;
        using var provider = Build(b => b.AddChatClient("lazy", _ =>
        {
            Interlocked.Increment(ref created);
            return new ScriptedChatClient();
        }));
        var catalog = provider.GetRequiredService<IModelCatalog>();

        Assert.Equal(0, created);
        var client = catalog.GetChatClient("lazy");
        Assert.Same(client, catalog.GetChatClient("lazy"));
        Assert.Equal(1, created);
        Assert.True(catalog.TryGetModel("lazy", out var model));
        Assert.Equal("lazy", model.Id);
        Assert.False(catalog.TryGetModel("missing", out _));
        Assert.Equal("missing", Assert.Throws<ModelNotFoundException>(() => catalog.GetChatClient("missing")).ModelId);
    }

    [Fact]
    public async Task A_run_uses_the_model_it_asks_for()
    {
        var other = new ScriptedChatClient().Enqueue(Updates.Answer("from other"));
        await using var runtime = new TestRuntime(build: b => b.AddChatClient("other", other));

        var (run, _) = await runtime.RunAsync("hi", null, r => r with { ModelId = "other" });

        Assert.Equal("other", run.ModelId);
        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Single(other.Calls);
        Assert.Empty(runtime.Client.Calls);
    }

    private static ServiceProvider Build(Action<IGAgentBuilder> models, Action<GAgentOptions>? configure = null)
    {
        var builder = new ServiceCollection().AddLogging().AddGAgentRuntime(configure).UseInMemorySessionStore();
        models(builder);
        return builder.Services.BuildServiceProvider();
    }
}
