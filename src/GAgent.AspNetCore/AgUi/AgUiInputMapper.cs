using System.Text;
using System.Text.Json;
using GAgent.AspNetCore.AgUi.Wire;
using GAgent.AspNetCore.Http;
using GAgent.Sessions;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.AgUi;

/// <summary>
/// Validates an AG-UI <c>RunAgentInput</c> and maps it onto GAgent's model: messages to <see cref="ChatMessage"/>s
/// that keep the client's ids, system/developer messages, <c>context</c> and <c>state</c> to run instructions,
/// <c>tools</c> to client tool declarations. Every rejection names the offending field.
/// </summary>
internal static class AgUiInputMapper
{
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    public static (AgUiTurn? Turn, ErrorInfo? Error) Map(AgUiRunInput input, HttpLimitsOptions limits)
    {
        try
        {
            return (MapCore(input, limits), null);
        }
        catch (AgUiInputException ex)
        {
            return (null, new ErrorInfo(400, ex.Message, "invalid_request", ex.Param));
        }
    }

    /// <summary>
    /// The run's input: the messages after the last one the session already stores (matched by id). When none
    /// matches, a session without messages takes the whole conversation (a client seeding a new thread) and an
    /// existing one takes the messages after the client's last assistant message (its new user or tool messages).
    /// </summary>
    public static List<ChatMessage> SelectNew(IReadOnlyList<ChatMessage> conversation, IReadOnlySet<string> storedIds, bool sessionIsEmpty)
    {
        var start = -1;
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            if (conversation[i].MessageId is { } id && storedIds.Contains(id))
            {
                start = i + 1;
                break;
            }
        }

        if (start < 0)
        {
            start = 0;
            if (!sessionIsEmpty)
            {
                for (var i = conversation.Count - 1; i >= 0; i--)
                {
                    if (conversation[i].Role == ChatRole.Assistant)
                    {
                        start = i + 1;
                        break;
                    }
                }
            }
        }

        return [.. conversation.Skip(start)];
    }

    private static AgUiTurn MapCore(AgUiRunInput input, HttpLimitsOptions limits)
    {
        if (string.IsNullOrEmpty(input.ThreadId))
        {
            throw new AgUiInputException("threadId", "'threadId' is required: it names the session (thread) to run in, and is created when missing.");
        }

        if (!SessionIds.IsValid(input.ThreadId))
        {
            throw new AgUiInputException("threadId", $"'threadId' must be 1 to {SessionIds.MaxLength} characters of letters, digits, '-' and '_'.");
        }

        var messages = input.Messages ?? [];
        if (messages.Count > limits.MaxMessages)
        {
            throw new AgUiInputException("messages", $"'messages' has {messages.Count} items; at most {limits.MaxMessages} are accepted (GAgent:Limits:MaxMessages).");
        }

        var instructions = new List<string>();
        var conversation = new List<ChatMessage>();
        for (var i = 0; i < messages.Count; i++)
        {
            var path = $"messages[{i}]";
            var message = messages[i] ?? throw new AgUiInputException(path, $"'{path}' must be a message object, not null.");
            switch (message.Role)
            {
                case "system" or "developer":
                    // AG-UI clients resend their system prompt with every run; it applies to the run, it is not history.
                    instructions.Add(Text(message.Content, path));
                    break;
                case "user":
                    conversation.Add(new ChatMessage(ChatRole.User, UserContents(message.Content, path, limits)) { MessageId = message.Id, AuthorName = message.Name });
                    break;
                case "assistant":
                    conversation.Add(new ChatMessage(ChatRole.Assistant, AssistantContents(message, path)) { MessageId = message.Id, AuthorName = message.Name });
                    break;
                case "tool":
                    var callId = string.IsNullOrEmpty(message.ToolCallId) ? throw new AgUiInputException($"{path}.toolCallId", $"'{path}' has role 'tool' but no 'toolCallId'.") : message.ToolCallId;
                    conversation.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callId, message.Error ?? Text(message.Content, path))]) { MessageId = message.Id });
                    break;
                case "activity" or "reasoning":
                    // UI-only messages (activity cards, shown reasoning) are not model input.
                    break;
                default:
                    throw new AgUiInputException($"{path}.role", $"'{message.Role}' is not a valid role in '{path}'; use user, assistant, system, developer or tool.");
            }
        }

        return new AgUiTurn(input.ThreadId, conversation, Instructions(instructions, input), MapTools(input.Tools), ModelId(input.ForwardedProps));
    }

    private static string? Instructions(List<string> system, AgUiRunInput input)
    {
        var text = new StringBuilder();
        foreach (var item in system.Where(static s => s.Length > 0))
        {
            text.Append(item).Append("\n\n");
        }

        var context = (input.Context ?? []).Where(static c => c is not null && !string.IsNullOrEmpty(c.Value)).ToList();
        if (context.Count > 0)
        {
            text.Append("Context from the client:\n");
            foreach (var item in context)
            {
                text.Append("- ").Append(string.IsNullOrEmpty(item!.Description) ? "context" : item.Description).Append(": ").Append(item.Value).Append('\n');
            }

            text.Append('\n');
        }

        if (input.State is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } state && !IsEmpty(state))
        {
            text.Append("Shared state from the client (JSON):\n").Append(state.GetRawText()).Append("\n\n");
        }

        var result = text.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }

    private static bool IsEmpty(JsonElement element) => element.ValueKind == JsonValueKind.Object
        ? !element.EnumerateObject().Any()
        : element.GetArrayLength() == 0;

    private static string? ModelId(JsonElement? forwardedProps)
        => forwardedProps is { ValueKind: JsonValueKind.Object } props && props.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;

    private static string Text(JsonElement? content, string path) => content switch
    {
        null or { ValueKind: JsonValueKind.Null } => string.Empty,
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray().Select((p, i) => PartType(p, $"{path}.content[{i}]") == "text" ? PartText(p, $"{path}.content[{i}]") : string.Empty)),
        _ => throw new AgUiInputException($"{path}.content", $"'{path}.content' must be a string."),
    };

    private static List<AIContent> UserContents(JsonElement? content, string path, HttpLimitsOptions limits)
    {
        var contents = new List<AIContent>();
        switch (content)
        {
            case { ValueKind: JsonValueKind.String } s:
                contents.Add(new TextContent(s.GetString()));
                break;
            case { ValueKind: JsonValueKind.Array } parts:
                if (parts.GetArrayLength() > limits.MaxContentParts)
                {
                    throw new AgUiInputException($"{path}.content", $"'{path}.content' has {parts.GetArrayLength()} parts; at most {limits.MaxContentParts} are accepted (GAgent:Limits:MaxContentParts).");
                }

                var i = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    var partPath = $"{path}.content[{i++}]";
                    contents.Add(PartType(part, partPath) switch
                    {
                        "text" => new TextContent(PartText(part, partPath)),
                        "binary" => Binary(part, partPath),
                        var other => throw new AgUiInputException($"{partPath}.type", $"'{other}' is not a supported content part type in '{partPath}'; use 'text' or 'binary'."),
                    });
                }

                break;
            default:
                throw new AgUiInputException($"{path}.content", $"'{path}' is a user message without content; send a string or an array of parts.");
        }

        if (contents.Count == 0 || contents.All(static c => c is TextContent { Text.Length: 0 }))
        {
            throw new AgUiInputException($"{path}.content", $"'{path}' is an empty user message.");
        }

        return contents;
    }

    private static AIContent Binary(JsonElement part, string path)
    {
        var mimeType = part.TryGetProperty("mimeType", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : throw new AgUiInputException($"{path}.mimeType", $"'{path}' is a binary part without 'mimeType'.");
        try
        {
            if (part.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
            {
                return new DataContent(Convert.FromBase64String(data.GetString()!), mimeType);
            }

            if (part.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                var value = url.GetString()!;
                if (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    return new DataContent(value, mimeType);
                }

                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                {
                    return new UriContent(uri, mimeType);
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new AgUiInputException(path, $"'{path}' has invalid binary data: {ex.Message}");
        }

        throw new AgUiInputException(path, $"'{path}' needs base64 'data', a data: 'url' or an http(s) 'url'.");
    }

    private static List<AIContent> AssistantContents(AgUiMessage message, string path)
    {
        var contents = new List<AIContent>();
        var text = Text(message.Content, path);
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        var i = 0;
        foreach (var call in message.ToolCalls ?? [])
        {
            var callPath = $"{path}.toolCalls[{i++}]";
            if (call is not { Id.Length: > 0, Function.Name.Length: > 0 })
            {
                throw new AgUiInputException(callPath, $"'{callPath}' needs 'id' and 'function.name'.");
            }

            contents.Add(new FunctionCallContent(call.Id, call.Function!.Name!, Arguments(call.Function.Arguments, $"{callPath}.function.arguments")));
        }

        if (contents.Count == 0)
        {
            throw new AgUiInputException(path, $"'{path}' is an assistant message with neither content nor tool calls.");
        }

        return contents;
    }

    private static Dictionary<string, object?> Arguments(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : throw new AgUiInputException(path, $"'{path}' must be a JSON object in a string.");
        }
        catch (JsonException)
        {
            throw new AgUiInputException(path, $"'{path}' is not valid JSON.");
        }
    }

    private static List<AIFunctionDeclaration> MapTools(List<AgUiTool?>? tools)
    {
        var declarations = new List<AIFunctionDeclaration>();
        var i = 0;
        foreach (var tool in tools ?? [])
        {
            var path = $"tools[{i++}]";
            if (tool?.Name is not { Length: > 0 } name)
            {
                throw new AgUiInputException($"{path}.name", $"'{path}' needs a 'name'.");
            }

            var schema = tool.Parameters is { ValueKind: JsonValueKind.Object } parameters ? parameters : EmptySchema;
            declarations.Add(AIFunctionFactory.CreateDeclaration(name, tool.Description, schema));
        }

        return declarations;
    }

    private static string PartType(JsonElement part, string path)
        => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : throw new AgUiInputException($"{path}.type", $"'{path}' must be an object with a 'type'.");

    private static string PartText(JsonElement part, string path)
        => part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw new AgUiInputException($"{path}.text", $"'{path}' is a text part without a string 'text'.");
}
