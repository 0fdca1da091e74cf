using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace GAgent.Demo;

/// <summary>
/// GAgent's offline demo model: a deterministic <see cref="IChatClient"/> that needs no provider. It streams canned,
/// clearly labelled answers word by word, and calls the demo tools (<c>current_time</c>, <c>calculate</c>) when the user
/// asks for the time or for arithmetic and those tools are offered, so every surface can be exercised offline.
/// </summary>
public sealed partial class OfflineDemoChatClient : IChatClient
{
    private readonly OfflineDemoChatClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the demo model.</summary>
    public OfflineDemoChatClient(OfflineDemoChatClientOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new OfflineDemoChatClientOptions();
        _time = timeProvider ?? TimeProvider.System;
        _metadata = new ChatClientMetadata("gagent-offline-demo", defaultModelId: _options.ModelId);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in Stream(messages, options, delay: false, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Stream(messages, options, delay: true, cancellationToken);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private async IAsyncEnumerable<ChatResponseUpdate> Stream(IEnumerable<ChatMessage> messages, ChatOptions? options, bool delay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var responseId = "demo_" + history.Count.ToString(CultureInfo.InvariantCulture);
        var (text, call) = Decide(history, options);
        var created = _time.GetUtcNow();
        var outputWords = 0;
        foreach (var word in SplitWords(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay && outputWords > 0 && _options.WordDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.WordDelay, _time, cancellationToken).ConfigureAwait(false);
            }

            outputWords++;
            yield return Update(responseId, created, new TextContent(word));
        }

        if (call is not null)
        {
            outputWords += 1 + (call.Arguments?.Count ?? 0);
            yield return Update(responseId, created, call);
        }

        var inputWords = history.Sum(static m => CountWords(m.Text));
        yield return Update(responseId, created, new UsageContent(new UsageDetails { InputTokenCount = inputWords, OutputTokenCount = outputWords, TotalTokenCount = inputWords + outputWords }));
        var final = Update(responseId, created);
        final.FinishReason = call is null ? ChatFinishReason.Stop : ChatFinishReason.ToolCalls;
        yield return final;
    }

    private ChatResponseUpdate Update(string responseId, DateTimeOffset created, params AIContent[] contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = responseId,
        MessageId = responseId,
        ModelId = _options.ModelId,
        CreatedAt = created,
    };

    private static (string Text, FunctionCallContent? Call) Decide(IReadOnlyList<ChatMessage> history, ChatOptions? options)
    {
        var last = history.Count > 0 ? history[^1] : null;
        if (last?.Role == ChatRole.Tool)
        {
            return (DescribeToolResults(history, last), null);
        }

        var prompt = history.LastOrDefault(static m => m.Role == ChatRole.User)?.Text.Trim() ?? string.Empty;
        var callId = "call_demo_" + history.Count.ToString(CultureInfo.InvariantCulture);
        if (options?.ToolMode is not NoneChatToolMode)
        {
            if (Offers(options, DemoTools.CurrentTimeName) && TimeQuestion().IsMatch(prompt))
            {
                return ("(Offline demo model) Let me check the clock with the current_time tool.", new FunctionCallContent(callId, DemoTools.CurrentTimeName, new Dictionary<string, object?>()));
            }

            if (Offers(options, DemoTools.CalculateName) && ArithmeticCandidate().Match(prompt) is { Success: true } match)
            {
                var expression = match.Value.Trim();
                return ($"(Offline demo model) I will work out {expression} with the calculate tool.", new FunctionCallContent(callId, DemoTools.CalculateName, new Dictionary<string, object?> { ["expression"] = expression }));
            }
        }

        var echo = prompt.Length <= 200 ? prompt : string.Concat(prompt.AsSpan(0, 199), "…");
        return (
            $"I am GAgent's offline demo model: no AI provider is configured, so my answers are canned and deterministic. You wrote: \"{echo}\". " +
            "Ask me for the time, or to calculate something like (12 + 30) * 2, to see a tool call. Configure a provider (OPENAI_API_KEY, or the GAgent:OpenAI configuration section) for real answers.",
            null);
    }

    private static string DescribeToolResults(IReadOnlyList<ChatMessage> history, ChatMessage toolMessage)
    {
        var names = history.SelectMany(static m => m.Contents.OfType<FunctionCallContent>()).GroupBy(static c => c.CallId).ToDictionary(static g => g.Key, static g => g.Last());
        var parts = toolMessage.Contents.OfType<FunctionResultContent>().Select(result =>
        {
            var call = names.GetValueOrDefault(result.CallId);
            var value = result.Result?.ToString() ?? "nothing";
            return call?.Name switch
            {
                DemoTools.CalculateName when call.Arguments is { } arguments && arguments.TryGetValue("expression", out var expression) => $"{expression} = {value}",
                DemoTools.CurrentTimeName => $"the current time is {value}",
                { } name => $"the {name} tool returned {value}",
                null => $"a tool returned {value}",
            };
        });
        return "(Offline demo model) " + string.Join("; ", parts) + ".";
    }

    private static bool Offers(ChatOptions? options, string name) => options?.Tools?.Any(t => t.Name == name) == true;

    private static IEnumerable<string> SplitWords(string text)
    {
        // Each piece keeps its trailing space so the concatenation is exactly the text.
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"\b(time|date|clock|today)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"[-(]*\d+(?:\.\d+)?\)*(?:\s*[-+*/x×÷^%]\s*[-(]*\d+(?:\.\d+)?\)*)+", RegexOptions.CultureInvariant)]
    private static partial Regex ArithmeticCandidate();
}
