using System.ClientModel;
using System.ComponentModel.DataAnnotations;
using GAgent.Providers.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;
using SdkChatClient = OpenAI.Chat.ChatClient;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIClientSetupTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Metadata_names_the_provider_endpoint_and_model()
    {
        using var client = OpenAITestClients.Create(_server);

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(OpenAIWire.Model, metadata.DefaultModelId);
        Assert.Equal(_server.Endpoint.Authority, metadata.ProviderUri?.Authority);
    }

    [Fact]
    public void Get_service_exposes_the_sdk_client_and_itself_only_without_a_key()
    {
        using var client = OpenAITestClients.Create(_server);

        Assert.NotNull(client.GetService<SdkChatClient>());
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>("some-key"));
        Assert.Null(client.GetService<string>());
    }

    [Fact]
    public void Default_endpoint_is_openai()
    {
        using var client = new OpenAICompatibleChatClient(new OpenAIProviderOptions { ApiKey = "sk-x", Model = "gpt-4o-mini" });

        Assert.Equal("api.openai.com", client.GetService<ChatClientMetadata>()?.ProviderUri?.Host);
    }

    [Fact]
    public async Task A_caller_built_sdk_client_is_used_with_the_given_model()
    {
        _server.EnqueueJson(OpenAIWire.Completion("from sdk client"));
        var sdkClient = new SdkChatClient("sdk-model", new ApiKeyCredential("sk-x"), new OpenAIClientOptions { Endpoint = _server.Endpoint });
        using var client = new OpenAICompatibleChatClient(sdkClient, "alias-model");

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("from sdk client", response.Text);
        Assert.Equal("alias-model", _server.LastRequest.GetProperty("model").GetString());
        Assert.Same(sdkClient, client.GetService<SdkChatClient>());
        Assert.Equal("alias-model", client.GetService<ChatClientMetadata>()?.DefaultModelId);
    }

    [Fact]
    public void Constructors_reject_missing_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new OpenAICompatibleChatClient((OpenAIProviderOptions)null!));
        Assert.Throws<ArgumentException>(() => new OpenAICompatibleChatClient(new OpenAIProviderOptions { Model = " " }));
        Assert.Throws<ArgumentNullException>(() => new OpenAICompatibleChatClient((SdkChatClient)null!, "m"));
        Assert.ThrowsAny<ArgumentException>(() => new OpenAICompatibleChatClient(new SdkChatClient("m", "sk-x"), ""));
    }

    [Fact]
    public void Options_have_documented_defaults()
    {
        var options = new OpenAIProviderOptions { Model = "llama3" };

        Assert.Null(options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(100), options.NetworkTimeout);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal("llama3", options.EffectiveModelAlias);
        options.ModelAlias = "local";
        Assert.Equal("local", options.EffectiveModelAlias);
        Assert.Equal("GAgent:OpenAI", OpenAIProviderOptions.SectionName);
    }

    [Fact]
    public void Options_validation_reports_missing_model_and_out_of_range_values()
    {
        var valid = new OpenAIProviderOptions { Model = "gpt-4o-mini" };
        var invalid = new OpenAIProviderOptions { Model = "", MaxRetries = -1, NetworkTimeout = TimeSpan.Zero };

        Assert.Empty(Validate(valid));
        var errors = Validate(invalid);
        Assert.Equal(
            [nameof(OpenAIProviderOptions.MaxRetries), nameof(OpenAIProviderOptions.Model), nameof(OpenAIProviderOptions.NetworkTimeout)],
            errors.SelectMany(e => e.MemberNames).Order(StringComparer.Ordinal));
    }

    private static List<ValidationResult> Validate(OpenAIProviderOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
