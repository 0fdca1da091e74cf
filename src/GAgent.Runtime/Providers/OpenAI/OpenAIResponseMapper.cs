using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using SdkFinishReason = OpenAI.Chat.ChatFinishReason;

namespace GAgent.Providers.OpenAI;

/// <summary>Maps OpenAI SDK results (completions, finish reasons, usage) to Microsoft.Extensions.AI's types.</summary>
internal static class OpenAIResponseMapper
{
    /// <summary>Converts a non-streaming completion into one assistant message.</summary>
    public static ChatResponse ToChatResponse(ChatCompletion completion)
    {
        var message = new AIChatMessage(ChatRole.Assistant, ToContents(completion))
        {
            MessageId = completion.Id,
            CreatedAt = NullIfDefault(completion.CreatedAt),
            RawRepresentation = completion,
        };

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = NullIfDefault(completion.CreatedAt),
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    /// <summary>Maps OpenAI's finish reasons; the legacy <c>function_call</c> counts as <c>tool_calls</c>.</summary>
    public static AIFinishReason? ToFinishReason(SdkFinishReason? reason) => reason switch
    {
        SdkFinishReason.Stop => AIFinishReason.Stop,
        SdkFinishReason.Length => AIFinishReason.Length,
        SdkFinishReason.ToolCalls or SdkFinishReason.FunctionCall => AIFinishReason.ToolCalls,
        SdkFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        _ => null,
    };

    /// <summary>Maps token usage, including cached input and reasoning tokens when the provider reports them.</summary>
    public static UsageDetails? ToUsage(ChatTokenUsage? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokenCount,
            OutputTokenCount = usage.OutputTokenCount,
            TotalTokenCount = usage.TotalTokenCount,
        };

        if (usage.InputTokenDetails is { } input)
        {
            details.CachedInputTokenCount = input.CachedTokenCount;
        }

        if (usage.OutputTokenDetails is { } output)
        {
            details.ReasoningTokenCount = output.ReasoningTokenCount;
        }

        return details;
    }

    /// <summary>The SDK reports a missing timestamp as <see langword="default"/>.</summary>
    public static DateTimeOffset? NullIfDefault(DateTimeOffset value) => value == default ? null : value;

    private static List<AIContent> ToContents(ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        if (OpenAIReasoningReader.Read(completion) is { } reasoning)
        {
            contents.Add(new TextReasoningContent(reasoning));
        }

        foreach (var part in completion.Content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
            {
                contents.Add(new TextContent(part.Text) { RawRepresentation = part });
            }
        }

        // A refusal is the model's answer to the user, so it is surfaced as text rather than dropped.
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            contents.Add(new TextContent(completion.Refusal));
        }

        foreach (var toolCall in completion.ToolCalls)
        {
            var call = OpenAIJson.CreateFunctionCall(toolCall.Id, toolCall.FunctionName, toolCall.FunctionArguments?.ToString());
            call.RawRepresentation = toolCall;
            contents.Add(call);
        }

        return contents;
    }
}
