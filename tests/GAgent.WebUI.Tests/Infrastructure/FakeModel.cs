using System.Runtime.CompilerServices;
using GAgent.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace GAgent.WebUI.Tests.Infrastructure;

/// <summary>
/// The scripted model behind the browser tests, chosen by the user's last message: "weather" calls the get_weather
/// tool, "slow" streams a first part and waits for <see cref="Release"/> (or a stop), "who are you" answers from the
/// system prompt (the profile's persona), anything else answers with markdown and a code block.
/// </summary>
public sealed class FakeModel
{
    public const string Greeting = "Hello! Here is **bold** text and some code:";

    public FakeModel() => Client = new ScriptedChatClient(Script);

    public ScriptedChatClient Client { get; }

    /// <summary>Completes the "slow" answer.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a "slow" answer was cancelled (stop).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IAsyncEnumerable<ChatResponseUpdate> Script(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var last = messages[^1];
        if (last.Role == ChatRole.Tool)
        {
            return ScriptedChatClient.Respond([new TextContent("The weather tool says it is **sunny** in Paris.")], ChatFinishReason.Stop, cancellationToken);
        }

        var text = last.Text ?? string.Empty;
        if (text.Contains("weather", StringComparison.OrdinalIgnoreCase))
        {
            return ScriptedChatClient.Respond(
                [new FunctionCallContent("call_weather_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })],
                ChatFinishReason.ToolCalls,
                cancellationToken);
        }

        if (text.Contains("who are you", StringComparison.OrdinalIgnoreCase))
        {
            var system = string.Join("\n", messages.Where(static m => m.Role == ChatRole.System).Select(static m => m.Text));
            var answer = system.Contains("Captain Nemo", StringComparison.Ordinal) ? "Captain Nemo at your service." : "Just the default assistant.";
            return ScriptedChatClient.Respond([new TextContent(answer)], ChatFinishReason.Stop, cancellationToken);
        }

        if (text.Contains("slow", StringComparison.OrdinalIgnoreCase))
        {
            return SlowAsync(cancellationToken);
        }

        if (last.Contents.Any(static c => c is DataContent or UriContent))
        {
            return ScriptedChatClient.Respond([new TextContent("I can see the image you sent.")], ChatFinishReason.Stop, cancellationToken);
        }

        return ScriptedChatClient.Respond(
            [
                new TextContent(Greeting + "\n\n"),
                new TextContent("```csharp\nvar answer = 42;\n"),
                new TextContent("Console.WriteLine(answer);\n```\n"),
                new TextContent("\n<script>window.injected = true</script> and [a link](javascript:alert(1))."),
            ],
            ChatFinishReason.Stop,
            cancellationToken);
    }

    private async IAsyncEnumerable<ChatResponseUpdate> SlowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new ChatResponseUpdate(ChatRole.Assistant, "Working on it");
        try
        {
            await Release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Cancelled.TrySetResult();
            throw;
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, ", all done.") { FinishReason = ChatFinishReason.Stop };
    }
}
