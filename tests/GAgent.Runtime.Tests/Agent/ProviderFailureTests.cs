using GAgent.Events;
using GAgent.Providers;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.Runtime.Tests.Agent;

public sealed class ProviderFailureTests
{
    [Fact]
    public async Task Provider_failure_ends_the_run_with_a_provider_error_and_keeps_the_user_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.EnqueueFailure(new ChatProviderException("openai", "The provider said: rate limit reached (429).", statusCode: 429));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("hello?", sessionId);

        EventAssert.WellFormed(events, run.Id);
        Assert.Equal([AgentEventTypes.RunStarted, AgentEventTypes.RunError], EventAssert.Types(events));
        var error = EventAssert.Last<RunErrorEvent>(events);
        Assert.Equal(RunErrorCodes.ProviderError, error.Code);
        Assert.Equal("The provider said: rate limit reached (429).", error.Message);
        Assert.Equal(AgentRunStatus.Failed, run.Status);
        Assert.Equal(error.Message, run.ErrorMessage);

        var stored = await runtime.MessagesAsync(sessionId);
        Assert.Equal("hello?", Assert.Single(stored).Text);
    }

    [Fact]
    public async Task Provider_failure_mid_stream_keeps_the_partial_answer()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue((_, _) => FailAfterText());
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("hello?", sessionId);

        Assert.Equal(AgentRunStatus.Failed, run.Status);
        Assert.Equal(RunErrorCodes.ProviderError, EventAssert.Last<RunErrorEvent>(events).Code);
        Assert.Equal(["hello?", "Half an"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    [Fact]
    public async Task A_failure_right_after_fragments_the_model_had_ready_keeps_every_fragment()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue((_, _) => FailRightAfterText());
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("hello?", sessionId);

        Assert.Equal(AgentRunStatus.Failed, run.Status);
        EventAssert.WellFormed(events, run.Id);
        Assert.Equal("Half an answer", string.Concat(events.OfType<TextMessageContentEvent>().Select(static e => e.Delta)));
        Assert.Equal(["hello?", "Half an answer"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    [Fact]
    public async Task Error_content_from_the_model_is_a_provider_error()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.Enqueue(new ChatResponseUpdate(ChatRole.Assistant, [new ErrorContent("content policy violation") { ErrorCode = "content_filter" }]));

        var (run, events) = await runtime.RunAsync("bad request", null);

        Assert.Equal(AgentRunStatus.Failed, run.Status);
        var error = EventAssert.Last<RunErrorEvent>(events);
        Assert.Equal(RunErrorCodes.ProviderError, error.Code);
        Assert.Contains("content policy violation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_exception_is_an_internal_error_that_does_not_leak_details()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.EnqueueFailure(new InvalidOperationException("secret connection string Password=hunter2"));
        var sessionId = await runtime.CreateSessionAsync();

        var (run, events) = await runtime.RunAsync("hello?", sessionId);

        var error = EventAssert.Last<RunErrorEvent>(events);
        Assert.Equal(RunErrorCodes.InternalError, error.Code);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.Contains(run.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(AgentRunStatus.Failed, run.Status);
        Assert.DoesNotContain("hunter2", run.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("hello?", Assert.Single(await runtime.MessagesAsync(sessionId)).Text);
    }

    [Fact]
    public async Task A_failed_run_frees_its_session_for_the_next_message()
    {
        await using var runtime = new TestRuntime();
        runtime.Client.EnqueueFailure(new ChatProviderException("openai", "down")).Enqueue(Updates.Answer("back up"));
        var sessionId = await runtime.CreateSessionAsync();
        await runtime.RunAsync("first", sessionId);

        var (run, _) = await runtime.RunAsync("second", sessionId);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
        Assert.Equal(["first", "second", "back up"], (await runtime.MessagesAsync(sessionId)).Select(static m => m.Text));
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> FailAfterText()
    {
        yield return Updates.Text("Half an");
        await Task.Yield();
        throw new ChatProviderException("openai", "connection reset");
    }

    /// <summary>Fragments that are ready at once, then a failure before the model ever has to wait.</summary>
    private static async IAsyncEnumerable<ChatResponseUpdate> FailRightAfterText()
    {
        await Task.Yield();
        yield return Updates.Text("Half ");
        yield return Updates.Text("an ");
        yield return Updates.Text("answer");
        throw new ChatProviderException("openai", "connection reset");
    }
}
