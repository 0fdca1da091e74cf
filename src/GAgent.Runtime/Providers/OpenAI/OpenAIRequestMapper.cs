using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using SdkChatMessage = OpenAI.Chat.ChatMessage;
using SdkResponseFormat = OpenAI.Chat.ChatResponseFormat;

// Seed, developer messages and reasoning effort are marked "for evaluation" (OPENAI001) in SDK 2.15 although they
// are stable wire fields of the chat completions API; the adapter needs them to honour ChatOptions.
#pragma warning disable OPENAI001

namespace GAgent.Providers.OpenAI;

/// <summary>Maps Microsoft.Extensions.AI requests (messages and <see cref="ChatOptions"/>) to the OpenAI SDK's types.</summary>
internal static class OpenAIRequestMapper
{
    private static readonly ChatRole DeveloperRole = new("developer");

    /// <summary>Converts the conversation, prepending <see cref="ChatOptions.Instructions"/> as a system message.</summary>
    public static List<SdkChatMessage> ToSdkMessages(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<SdkChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            result.Add(new SystemChatMessage(options.Instructions));
        }

        foreach (var message in messages)
        {
            AddMessage(result, message);
        }

        return result;
    }

    /// <summary>
    /// Converts the options. A <see cref="ChatCompletionOptions"/> returned by <see cref="ChatOptions.RawRepresentationFactory"/>
    /// is the starting point and its values win, as Microsoft.Extensions.AI specifies.
    /// </summary>
    public static ChatCompletionOptions ToSdkOptions(ChatOptions? options, IChatClient client, string defaultModelId, string clientModelId)
    {
        var result = options?.RawRepresentationFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
        var modelId = string.IsNullOrWhiteSpace(options?.ModelId) ? defaultModelId : options.ModelId;
        if (!string.Equals(modelId, clientModelId, StringComparison.Ordinal))
        {
            SetModel(result, modelId);
        }

        if (options is null)
        {
            return result;
        }

        result.Temperature ??= options.Temperature;
        result.TopP ??= options.TopP;
        result.MaxOutputTokenCount ??= options.MaxOutputTokens;
        result.Seed ??= options.Seed;
        result.FrequencyPenalty ??= options.FrequencyPenalty;
        result.PresencePenalty ??= options.PresencePenalty;
        result.ResponseFormat ??= ToSdkResponseFormat(options.ResponseFormat);
        result.ReasoningEffortLevel ??= ToSdkReasoningEffort(options.Reasoning?.Effort);
        AddStopSequences(result, options.StopSequences);
        AddTools(result, options);
        return result;
    }

    /// <summary>Serializes a tool result the way the model reads it: strings as-is, JSON as its text, other values as JSON.</summary>
    public static string SerializeToolResult(object? result) => result switch
    {
        null => "null",
        string text => text,
        JsonElement element => element.GetRawText(),
        JsonNode node => node.ToJsonString(),
        TextContent text => text.Text,
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };

    // The ChatClient is bound to one model; JsonPatch (experimental, SCME0001) is the SDK's only public way to change
    // the model of a single request.
#pragma warning disable SCME0001
    private static void SetModel(ChatCompletionOptions options, string modelId) => options.Patch.Set("$.model"u8, modelId);
#pragma warning restore SCME0001

    private static void AddMessage(List<SdkChatMessage> result, AIChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var role = message.Role;
        if (role == ChatRole.System)
        {
            AddInstructionMessage(result, message, developer: false);
        }
        else if (role == DeveloperRole)
        {
            AddInstructionMessage(result, message, developer: true);
        }
        else if (role == ChatRole.User)
        {
            AddUserMessage(result, message);
        }
        else if (role == ChatRole.Assistant)
        {
            AddAssistantMessage(result, message);
        }
        else if (role == ChatRole.Tool)
        {
            AddToolMessages(result, message);
        }
        else
        {
            throw new ArgumentException(
                $"The chat role '{role.Value}' is not supported by the OpenAI chat completions API; use system, developer, user, assistant or tool.",
                nameof(message));
        }
    }

    private static void AddInstructionMessage(List<SdkChatMessage> result, AIChatMessage message, bool developer)
    {
        var parts = TextParts(message);
        if (parts.Count == 0)
        {
            return;
        }

        if (developer)
        {
            result.Add(new DeveloperChatMessage(parts) { ParticipantName = message.AuthorName });
        }
        else
        {
            result.Add(new SystemChatMessage(parts) { ParticipantName = message.AuthorName });
        }
    }

    private static void AddUserMessage(List<SdkChatMessage> result, AIChatMessage message)
    {
        var parts = new List<ChatMessageContentPart>(message.Contents.Count);
        foreach (var content in message.Contents)
        {
            if (ToUserPart(content) is { } part)
            {
                parts.Add(part);
            }
        }

        if (parts.Count > 0)
        {
            result.Add(new UserChatMessage(parts) { ParticipantName = message.AuthorName });
        }
    }

    private static ChatMessageContentPart? ToUserPart(AIContent content) => content switch
    {
        TextContent text => ChatMessageContentPart.CreateTextPart(text.Text),
        DataContent data when data.HasTopLevelMediaType("image") =>
            ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(data.Data), data.MediaType),
        DataContent data => throw UnsupportedMedia(data.MediaType),
        UriContent uri when uri.HasTopLevelMediaType("image") => ChatMessageContentPart.CreateImagePart(uri.Uri),
        UriContent uri => throw UnsupportedMedia(uri.MediaType),
        _ => null,
    };

    private static NotSupportedException UnsupportedMedia(string mediaType) =>
        new($"The media type '{mediaType}' cannot be sent to an OpenAI chat completions model; only images (image/*) are supported as attachments.");

    private static void AddAssistantMessage(List<SdkChatMessage> result, AIChatMessage message)
    {
        var parts = TextParts(message);
        List<ChatToolCall>? toolCalls = null;
        foreach (var content in message.Contents)
        {
            if (content is FunctionCallContent call)
            {
                (toolCalls ??= []).Add(ChatToolCall.CreateFunctionToolCall(call.CallId, call.Name, SerializeArguments(call.Arguments)));
            }
        }

        if (toolCalls is null)
        {
            if (parts.Count > 0)
            {
                result.Add(new AssistantChatMessage(parts) { ParticipantName = message.AuthorName });
            }

            return;
        }

        var assistant = new AssistantChatMessage(toolCalls) { ParticipantName = message.AuthorName };
        foreach (var part in parts)
        {
            assistant.Content.Add(part);
        }

        result.Add(assistant);
    }

    private static void AddToolMessages(List<SdkChatMessage> result, AIChatMessage message)
    {
        var added = false;
        foreach (var content in message.Contents)
        {
            if (content is FunctionResultContent functionResult)
            {
                result.Add(new ToolChatMessage(functionResult.CallId, SerializeToolResult(functionResult.Result)));
                added = true;
            }
        }

        if (!added && message.Contents.Count > 0)
        {
            throw new ArgumentException(
                "A tool message must carry FunctionResultContent naming the tool call it answers; the OpenAI API needs the call id.",
                nameof(message));
        }
    }

    private static List<ChatMessageContentPart> TextParts(AIChatMessage message)
    {
        var parts = new List<ChatMessageContentPart>();
        foreach (var content in message.Contents)
        {
            if (content is TextContent { Text.Length: > 0 } text)
            {
                parts.Add(ChatMessageContentPart.CreateTextPart(text.Text));
            }
        }

        return parts;
    }

    private static BinaryData SerializeArguments(IDictionary<string, object?>? arguments) => arguments is null
        ? BinaryData.FromString("{}")
        : BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(arguments, OpenAIJson.ArgumentsTypeInfo));

    private static void AddStopSequences(ChatCompletionOptions result, IList<string>? stopSequences)
    {
        if (stopSequences is null)
        {
            return;
        }

        foreach (var stop in stopSequences)
        {
            if (!result.StopSequences.Contains(stop))
            {
                result.StopSequences.Add(stop);
            }
        }
    }

    private static void AddTools(ChatCompletionOptions result, ChatOptions options)
    {
        if (options.Tools is { Count: > 0 } tools)
        {
            foreach (var tool in tools)
            {
                // Hosted tools (web search, code interpreter) have no chat completions equivalent and are skipped.
                if (tool is AIFunctionDeclaration function)
                {
                    result.Tools.Add(ToSdkTool(function));
                }
            }
        }

        // OpenAI rejects tool_choice and parallel_tool_calls when no tools are sent.
        if (result.Tools.Count == 0)
        {
            return;
        }

        result.ToolChoice ??= ToSdkToolChoice(options.ToolMode);
        result.AllowParallelToolCalls ??= options.AllowMultipleToolCalls;
    }

    private static ChatTool ToSdkTool(AIFunctionDeclaration function)
    {
        var schema = function.JsonSchema.ValueKind == JsonValueKind.Object
            ? BinaryData.FromString(function.JsonSchema.GetRawText())
            : BinaryData.FromString("""{"type":"object","properties":{}}""");
        var description = string.IsNullOrEmpty(function.Description) ? null : function.Description;
        return ChatTool.CreateFunctionTool(function.Name, description, schema);
    }

    private static ChatToolChoice? ToSdkToolChoice(ChatToolMode? mode) => mode switch
    {
        NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
        AutoChatToolMode => ChatToolChoice.CreateAutoChoice(),
        RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
        RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
        _ => null,
    };

    private static SdkResponseFormat? ToSdkResponseFormat(AIResponseFormat? format) => format switch
    {
        ChatResponseFormatText => SdkResponseFormat.CreateTextFormat(),
        ChatResponseFormatJson { Schema: { } schema } json => SdkResponseFormat.CreateJsonSchemaFormat(
            string.IsNullOrWhiteSpace(json.SchemaName) ? "response" : json.SchemaName,
            BinaryData.FromString(schema.GetRawText()),
            json.SchemaDescription),
        ChatResponseFormatJson => SdkResponseFormat.CreateJsonObjectFormat(),
        _ => null,
    };

    private static ChatReasoningEffortLevel? ToSdkReasoningEffort(ReasoningEffort? effort) => effort switch
    {
        ReasoningEffort.None => ChatReasoningEffortLevel.None,
        ReasoningEffort.Low => ChatReasoningEffortLevel.Low,
        ReasoningEffort.Medium => ChatReasoningEffortLevel.Medium,
        ReasoningEffort.High => ChatReasoningEffortLevel.High,
        ReasoningEffort.ExtraHigh => ChatReasoningEffortLevel.ExtraHigh,

        // Not "null": the SDK's implicit string conversion would turn a null literal into an invalid level.
        _ => default(ChatReasoningEffortLevel?),
    };
}
