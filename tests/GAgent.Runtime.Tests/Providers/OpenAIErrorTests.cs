using System.Net;
using System.Net.Sockets;
using GAgent.Providers;
using GAgent.Providers.OpenAI;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Providers;

public sealed class OpenAIErrorTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(400, "Invalid value for 'temperature'.", "invalid_request_error", "invalid_value")]
    [InlineData(401, "Incorrect API key provided: sk-test***.", "invalid_request_error", "invalid_api_key")]
    [InlineData(429, "Rate limit reached for requests.", "requests", "rate_limit_exceeded")]
    [InlineData(500, "The server had an error while processing your request.", "server_error", null)]
    public async Task Provider_errors_carry_the_providers_message_status_and_code(int status, string message, string type, string? code)
    {
        _server.EnqueueError(status, message, type, code);
        using var client = OpenAITestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync("hi"));

        Assert.Equal("openai", error.Provider);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code ?? type, error.ProviderErrorCode);
        Assert.StartsWith($"The model provider returned {status}: {message}", error.Message, StringComparison.Ordinal);
        Assert.Equal("provider_error", error.ErrorCode);
        Assert.Single(_server.RequestBodies);
    }

    [Fact]
    public async Task Streaming_errors_carry_the_providers_message_and_status()
    {
        _server.EnqueueError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        using var client = OpenAITestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi"))
            {
            }
        });

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_api_key", error.ProviderErrorCode);
        Assert.Contains("Incorrect API key provided.", error.Message, StringComparison.Ordinal);
        Assert.Contains("GAgent:OpenAI:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_json_error_body_is_quoted()
    {
        _server.EnqueueJson("upstream gateway exploded", 502);
        using var client = OpenAITestClients.Create(_server);

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync("hi"));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("upstream gateway exploded", error.Message, StringComparison.Ordinal);
        Assert.Null(error.ProviderErrorCode);
    }

    [Fact]
    public async Task Retries_follow_max_retries()
    {
        _server.EnqueueError(500, "transient", "server_error", null);
        _server.EnqueueJson(OpenAIWire.Completion("recovered"));
        using var client = OpenAITestClients.Create(_server, maxRetries: 1);

        var response = await client.GetResponseAsync("hi");

        Assert.Equal("recovered", response.Text);
        Assert.Equal(2, _server.RequestBodies.Count);
    }

    [Fact]
    public async Task An_unreachable_endpoint_names_the_endpoint()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/v1");
        using var client = OpenAITestClients.Create(endpoint);

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync("hi"));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint.Authority, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_streaming_the_same_way()
    {
        var endpoint = new Uri($"http://127.0.0.1:{ClosedPort()}/v1");
        using var client = OpenAITestClients.Create(endpoint);

        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi"))
            {
            }
        });

        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_a_provider_error()
    {
        _server.EnqueueHang();
        using var client = new OpenAICompatibleChatClient(new OpenAIProviderOptions
        {
            Endpoint = _server.Endpoint,
            ApiKey = OpenAITestClients.ApiKey,
            Model = OpenAIWire.Model,
            MaxRetries = 0,
            NetworkTimeout = TimeSpan.FromSeconds(1),
        });

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync("hi"));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_of_a_pending_request_is_not_wrapped()
    {
        _server.EnqueueHang();
        using var client = OpenAITestClients.Create(_server);
        using var cts = new CancellationTokenSource();

        var call = client.GetResponseAsync("hi", cancellationToken: cts.Token);
        await _server.RequestHanging.Task;
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<ChatProviderException>(error.InnerException);
        await _server.RequestAborted.Task;
    }

    [Fact]
    public async Task Caller_cancellation_mid_stream_is_not_wrapped()
    {
        _server.EnqueueStreamThenHang(OpenAIWire.TextChunk("first"));
        using var client = OpenAITestClients.Create(_server);
        using var cts = new CancellationTokenSource();
        var received = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("hi", cancellationToken: cts.Token))
            {
                received.Add(update.Text);
                await cts.CancelAsync();
            }
        });

        Assert.Equal(["first"], received);
        await _server.RequestAborted.Task;
    }

    [Fact]
    public async Task An_already_cancelled_token_throws_operation_canceled()
    {
        using var client = OpenAITestClients.Create(_server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("hi", cancellationToken: new CancellationToken(canceled: true)));
    }

    private static int ClosedPort()
    {
        // Bind and release a port: nothing listens there afterwards, so connecting is refused at once.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
