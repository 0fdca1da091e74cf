using System.Text.Json;
using GAgent.AspNetCore.Http;
using GAgent.AspNetCore.OpenAI.Wire;
using GAgent.Runs;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI;

/// <summary>
/// Validates a chat completions request and maps it onto an <see cref="AgentRunRequest"/>. Every rejection names the
/// offending field in <c>param</c>, as OpenAI does.
/// </summary>
internal static class ChatCompletionRequestMapper
{
    public static (AgentRunRequest? Request, ErrorInfo? Error) Map(ChatCompletionRequest body, GAgentServerOptions options)
    {
        try
        {
            return (MapCore(body, options), null);
        }
        catch (RequestValidationException ex)
        {
            return (null, new ErrorInfo(400, ex.Message, ex.Code, ex.Param));
        }
    }

    private static AgentRunRequest MapCore(ChatCompletionRequest body, GAgentServerOptions options)
    {
        var limits = options.Limits;
        if (string.IsNullOrWhiteSpace(body.Model))
        {
            throw Invalid("model", "you must provide a model parameter. GET /v1/models lists the available models.", "missing_required_parameter");
        }

        if (body.Messages is not { Count: > 0 } messages)
        {
            throw Invalid("messages", "'messages' must be a non-empty array of messages.", "missing_required_parameter");
        }

        if (messages.Count > limits.MaxMessages)
        {
            throw Invalid("messages", $"'messages' has {messages.Count} items; at most {limits.MaxMessages} are accepted (GAgent:Limits:MaxMessages).");
        }

        RejectUnsupported(body);
        var tools = MapTools(body.Tools);
        return new AgentRunRequest
        {
            Messages = [.. messages.Select((m, i) => MapMessage(m, i, options))],
            ModelId = body.Model,
            ClientTools = tools,
            ChatOptions = MapOptions(body, tools),
            Delivery = body.Stream == true ? RunEventDelivery.EveryDelta : RunEventDelivery.MergedDeltas,
            WholeModelReplies = body.Stream != true,
        };
    }

    private static void RejectUnsupported(ChatCompletionRequest body)
    {
        if (body.N is { } n && n != 1)
        {
            throw Invalid("n", $"'n' = {n} is not supported: this gateway returns exactly one choice. Omit 'n' or set it to 1.", "unsupported_parameter");
        }

        if (body.Audio is { ValueKind: not JsonValueKind.Null } || body.Modalities?.Any(static m => m != "text") == true)
        {
            throw Invalid(body.Audio is null ? "modalities" : "audio", "Audio output is not supported; request text output only.", "unsupported_parameter");
        }

        foreach (var legacy in (string[])["functions", "function_call"])
        {
            if (body.Extra?.ContainsKey(legacy) == true)
            {
                throw Invalid(legacy, $"'{legacy}' is the legacy form of function calling; declare functions in 'tools' and choose with 'tool_choice'.", "unsupported_parameter");
            }
        }

        if (body.Logprobs == true)
        {
            throw Invalid("logprobs", "'logprobs' is not supported by this gateway; omit it or set it to false.", "unsupported_parameter");
        }
    }

    private static ChatMessage MapMessage(ChatCompletionMessage? message, int index, GAgentServerOptions options)
    {
        var path = $"messages[{index}]";
        if (message is null)
        {
            throw Invalid(path, $"'{path}' must be a message object, not null.");
        }

        return message.Role switch
        {
            "system" or "developer" => new ChatMessage(ChatRole.System, Text(message, path, required: true)) { AuthorName = message.Name },
            "user" => new ChatMessage(ChatRole.User, UserContents(message, path, options)) { AuthorName = message.Name },
            "assistant" => new ChatMessage(ChatRole.Assistant, AssistantContents(message, path)) { AuthorName = message.Name },
            "tool" => new ChatMessage(ChatRole.Tool, [new FunctionResultContent(
                string.IsNullOrEmpty(message.ToolCallId) ? throw Invalid($"{path}.tool_call_id", $"'{path}' has role 'tool' but no 'tool_call_id'; set it to the id of the tool call it answers.", "missing_required_parameter") : message.ToolCallId,
                Text(message, path, required: false))]),
            null => throw Invalid($"{path}.role", $"'{path}' has no 'role'; use one of system, developer, user, assistant, tool.", "missing_required_parameter"),
            _ => throw Invalid($"{path}.role", $"'{message.Role}' is not a valid role in '{path}'; use one of system, developer, user, assistant, tool."),
        };
    }

    /// <summary>Text of a string content or of an array of text parts.</summary>
    private static string Text(ChatCompletionMessage message, string path, bool required)
    {
        switch (message.Content)
        {
            case { Text: { } text }:
                return text;
            case { Value: { ValueKind: JsonValueKind.Array } parts }:
                var builder = new System.Text.StringBuilder();
                var i = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    if (PartType(part, $"{path}.content[{i}]") != "text")
                    {
                        throw Invalid($"{path}.content[{i}]", $"'{path}' may only contain text parts.");
                    }

                    builder.Append(PartText(part, $"{path}.content[{i}]"));
                    i++;
                }

                return builder.ToString();
            case null when !required:
                return string.Empty;
            default:
                throw Invalid($"{path}.content", $"'{path}.content' must be a string or an array of content parts.");
        }
    }

    private static List<AIContent> UserContents(ChatCompletionMessage message, string path, GAgentServerOptions options)
    {
        var limits = options.Limits;
        if (message.Content is { Text: { } text })
        {
            return [new TextContent(text)];
        }

        if (message.Content is not { Value: { ValueKind: JsonValueKind.Array } parts })
        {
            throw Invalid($"{path}.content", $"'{path}.content' must be a string or an array of content parts.", "missing_required_parameter");
        }

        var contents = new List<AIContent>();
        var i = 0;
        foreach (var part in parts.EnumerateArray())
        {
            var partPath = $"{path}.content[{i++}]";
            if (contents.Count >= limits.MaxContentParts)
            {
                throw Invalid($"{path}.content", $"'{path}.content' has more than {limits.MaxContentParts} parts (GAgent:Limits:MaxContentParts).");
            }

            contents.Add(PartType(part, partPath) switch
            {
                "text" => new TextContent(PartText(part, partPath)),
                "image_url" => ImagePart(part, partPath, options.RemoteImages),
                var other => throw Invalid($"{partPath}.type", $"Content part type '{other}' is not supported in '{partPath}'; use 'text' or 'image_url'.", "unsupported_parameter"),
            });
        }

        if (contents.Count == 0)
        {
            throw Invalid($"{path}.content", $"'{path}.content' is an empty array; send at least one part.");
        }

        return contents;
    }

    private static List<AIContent> AssistantContents(ChatCompletionMessage message, string path)
    {
        var contents = new List<AIContent>();
        var text = Text(message, path, required: false);
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        var i = 0;
        foreach (var call in message.ToolCalls ?? [])
        {
            var callPath = $"{path}.tool_calls[{i++}]";
            if (call?.Function?.Name is not { Length: > 0 } name || string.IsNullOrEmpty(call.Id))
            {
                throw Invalid(callPath, $"'{callPath}' needs an 'id' and a 'function' with a 'name'.", "missing_required_parameter");
            }

            contents.Add(new FunctionCallContent(call.Id, name, ParseArguments(call.Function.Arguments, $"{callPath}.function.arguments")));
        }

        if (contents.Count == 0)
        {
            // An assistant turn with neither text nor calls (clients send these after refusals); keep the turn, empty.
            contents.Add(new TextContent(string.Empty));
        }

        return contents;
    }

    private static Dictionary<string, object?> ParseArguments(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"'{path}' must be a JSON object encoded as a string.");
            }

            return document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone());
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"'{path}' is not valid JSON: {ex.Message}");
        }
    }

    private static AIContent ImagePart(JsonElement part, string path, RemoteImagePolicy remoteImages)
    {
        if (!part.TryGetProperty("image_url", out var image) || image.ValueKind != JsonValueKind.Object
            || !image.TryGetProperty("url", out var urlElement) || urlElement.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"{path}.image_url", $"'{path}' needs 'image_url': {{\"url\": \"...\"}}.", "missing_required_parameter");
        }

        var url = urlElement.GetString()!;
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var data = new DataContent(url);
                return data.HasTopLevelMediaType("image") ? data : throw Invalid($"{path}.image_url.url", $"'{path}' is a data URL of type '{data.MediaType}', not an image.");
            }
            catch (FormatException)
            {
                throw Invalid($"{path}.image_url.url", $"'{path}.image_url.url' is not a valid base64 data URL (data:image/png;base64,...).");
            }
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return remoteImages == RemoteImagePolicy.PassThrough
                ? new UriContent(uri, "image/*")
                : throw Invalid($"{path}.image_url.url", $"Remote image URLs are not accepted here (GAgent:RemoteImages = Reject); send the image inline as a data: URL in '{path}'.", "unsupported_parameter");
        }

        throw Invalid($"{path}.image_url.url", $"'{path}.image_url.url' must be an http(s) URL or a data: URL.");
    }

    private static string PartType(JsonElement part, string path)
        => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : throw Invalid($"{path}.type", $"'{path}' must be an object with a 'type'.", "missing_required_parameter");

    private static string PartText(JsonElement part, string path)
        => part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw Invalid($"{path}.text", $"'{path}' is a text part without a string 'text'.", "missing_required_parameter");

    private static List<AIFunctionDeclaration> MapTools(List<ChatToolDefinition?>? tools)
    {
        var declarations = new List<AIFunctionDeclaration>();
        var i = 0;
        foreach (var tool in tools ?? [])
        {
            var path = $"tools[{i++}]";
            if (tool?.Type != "function")
            {
                throw Invalid($"{path}.type", $"'{path}.type' must be 'function'; other tool types are not supported.", "unsupported_parameter");
            }

            if (tool.Function?.Name is not { Length: > 0 } name)
            {
                throw Invalid($"{path}.function.name", $"'{path}' needs 'function.name'.", "missing_required_parameter");
            }

            var schema = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } parameters
                ? parameters
                : JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;
            declarations.Add(AIFunctionFactory.CreateDeclaration(name, tool.Function.Description, schema));
        }

        return declarations;
    }

    private static ChatOptions MapOptions(ChatCompletionRequest body, List<AIFunctionDeclaration> tools)
    {
        var options = new ChatOptions
        {
            Temperature = OpenAIRequestRules.Range(body.Temperature, 0, 2, "temperature"),
            TopP = OpenAIRequestRules.Range(body.TopP, 0, 1, "top_p"),
            PresencePenalty = OpenAIRequestRules.Range(body.PresencePenalty, -2, 2, "presence_penalty"),
            FrequencyPenalty = OpenAIRequestRules.Range(body.FrequencyPenalty, -2, 2, "frequency_penalty"),
            MaxOutputTokens = body.MaxCompletionTokens ?? body.MaxTokens,
            Seed = body.Seed,
            StopSequences = MapStop(body.Stop),
            ToolMode = MapToolChoice(body.ToolChoice, tools),
            AllowMultipleToolCalls = body.ParallelToolCalls,
            ResponseFormat = MapResponseFormat(body.ResponseFormat),
        };

        if (options.MaxOutputTokens is <= 0)
        {
            throw Invalid(body.MaxCompletionTokens is null ? "max_tokens" : "max_completion_tokens", "The maximum number of tokens must be at least 1.");
        }

        if (body.User is not null || body.Metadata is not null)
        {
            options.AdditionalProperties ??= [];
            if (body.User is not null)
            {
                options.AdditionalProperties["user"] = body.User;
            }

            if (body.Metadata is not null)
            {
                options.AdditionalProperties["metadata"] = body.Metadata;
            }
        }

        return options;
    }

    private static List<string>? MapStop(JsonElement? stop) => stop switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() <= 4 && a.EnumerateArray().All(static e => e.ValueKind == JsonValueKind.String)
            => [.. a.EnumerateArray().Select(static e => e.GetString()!)],
        _ => throw Invalid("stop", "'stop' must be a string or an array of up to 4 strings."),
    };

    private static ChatToolMode? MapToolChoice(JsonElement? choice, List<AIFunctionDeclaration> tools)
        => OpenAIRequestRules.ToolChoice(choice, tools, static o => o.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object && function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null, "{\"type\":\"function\",\"function\":{\"name\":\"...\"}}");

    private static Microsoft.Extensions.AI.ChatResponseFormat? MapResponseFormat(Wire.ChatResponseFormat? format) => format?.Type switch
    {
        null => null,
        "text" => Microsoft.Extensions.AI.ChatResponseFormat.Text,
        "json_object" => Microsoft.Extensions.AI.ChatResponseFormat.Json,
        "json_schema" when format.JsonSchema?.Schema is { ValueKind: JsonValueKind.Object } schema
            => Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(schema, format.JsonSchema.Name, format.JsonSchema.Description),
        "json_schema" => throw Invalid("response_format.json_schema.schema", "A 'json_schema' response format needs 'json_schema.schema' (a JSON schema object).", "missing_required_parameter"),
        var other => throw Invalid("response_format.type", $"'{other}' is not a valid response_format type; use 'text', 'json_object' or 'json_schema'."),
    };

    private static RequestValidationException Invalid(string param, string message, string code = "invalid_value") => OpenAIRequestRules.Invalid(param, message, code);
}
