using System.Text.Json;
using System.Text.Json.Nodes;
using GAgent.Agent;
using GAgent.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace GAgent.AspNetCore.OpenAI.Responses;

/// <summary>
/// Turns Responses input items (and stored output items, which have the same shapes) into model messages: messages with
/// text and image parts, <c>function_call</c> and <c>function_call_output</c> items. Also normalizes items for storage:
/// every item gets a <c>type</c> and an <c>id</c>, and string content becomes a text part.
/// </summary>
internal static class ResponseItemConverter
{
    public static void AppendMessage(List<ChatMessage> messages, JsonElement item, string path, HttpLimitsOptions limits)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"'{path}' must be an input item object.");
        }

        switch (ItemType(item))
        {
            case "message":
                var message = Message(item, path, limits);
                messages.Add(message);
                break;
            case "function_call":
                var call = new FunctionCallContent(
                    RequiredString(item, "call_id", path),
                    RequiredString(item, "name", path),
                    ParseArguments(OptionalString(item, "arguments"), $"{path}.arguments"));
                // Consecutive calls (and the text before them) are one assistant turn, as the model produced them.
                if (messages.Count > 0 && messages[^1].Role == ChatRole.Assistant)
                {
                    messages[^1].Contents.Add(call);
                }
                else
                {
                    messages.Add(new ChatMessage(ChatRole.Assistant, [call]));
                }

                break;
            case "function_call_output":
                var result = new FunctionResultContent(RequiredString(item, "call_id", path), OutputText(item, path));
                if (messages.Count > 0 && messages[^1].Role == ChatRole.Tool)
                {
                    messages[^1].Contents.Add(result);
                }
                else
                {
                    messages.Add(new ChatMessage(ChatRole.Tool, [result]));
                }

                break;
            case var other:
                throw Invalid($"{path}.type", $"Input item type '{other}' is not supported in '{path}'; use 'message', 'function_call' or 'function_call_output'.", "unsupported_parameter");
        }
    }

    /// <summary>A copy of the item as stored and listed: with <c>type</c>, an <c>id</c>, and content as parts.</summary>
    public static (string Id, JsonElement Item) Normalize(JsonElement item)
    {
        var node = JsonNode.Parse(item.GetRawText())!.AsObject();
        var type = ItemType(item);
        node["type"] = type;
        if (node["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
        {
            id = RunIds.NewId(type switch { "function_call" => "fc_", "function_call_output" => "fco_", _ => "msg_" });
            node["id"] = id;
        }

        if (type == "message" && node["content"] is JsonValue content && content.TryGetValue<string>(out var text))
        {
            var partType = node["role"]?.GetValue<string>() == "assistant" ? "output_text" : "input_text";
            node["content"] = new JsonArray(new JsonObject { ["type"] = partType, ["text"] = text });
        }

        return (id, ToElement(node));
    }

    public static (string Id, JsonElement Item) UserText(string text)
    {
        var id = RunIds.NewMessageId();
        var node = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = text }),
        };
        return (id, ToElement(node));
    }

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string ItemType(JsonElement item)
        => item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()!
            : item.TryGetProperty("role", out _) ? "message"
            : throw Invalid("input", "An input item has neither 'type' nor 'role'.", "missing_required_parameter");

    private static ChatMessage Message(JsonElement item, string path, HttpLimitsOptions limits)
    {
        var role = OptionalString(item, "role") switch
        {
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "system" or "developer" => ChatRole.System,
            null => throw Invalid($"{path}.role", $"'{path}' has no 'role'; use one of user, assistant, system, developer.", "missing_required_parameter"),
            var other => throw Invalid($"{path}.role", $"'{other}' is not a valid role in '{path}'; use one of user, assistant, system, developer."),
        };

        if (!item.TryGetProperty("content", out var content))
        {
            throw Invalid($"{path}.content", $"'{path}' has no 'content'.", "missing_required_parameter");
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return new ChatMessage(role, content.GetString());
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{path}.content", $"'{path}.content' must be a string or an array of content parts.");
        }

        var contents = new List<AIContent>();
        var i = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partPath = $"{path}.content[{i++}]";
            if (contents.Count >= limits.MaxContentParts)
            {
                throw Invalid($"{path}.content", $"'{path}.content' has more than {limits.MaxContentParts} parts (GAgent:Limits:MaxContentParts).");
            }

            var partType = part.ValueKind == JsonValueKind.Object ? OptionalString(part, "type") : null;
            contents.Add(partType switch
            {
                "input_text" or "output_text" or "text" => new TextContent(RequiredString(part, "text", partPath)),
                "refusal" => new TextContent(RequiredString(part, "refusal", partPath)),
                "input_image" when role == ChatRole.User => Image(part, partPath),
                null => throw Invalid($"{partPath}.type", $"'{partPath}' must be a content part object with a 'type'.", "missing_required_parameter"),
                var other => throw Invalid($"{partPath}.type", $"Content part type '{other}' is not supported in '{partPath}'; use 'input_text'{(role == ChatRole.User ? " or 'input_image'" : string.Empty)}.", "unsupported_parameter"),
            });
        }

        return new ChatMessage(role, contents.Count > 0 ? contents : [new TextContent(string.Empty)]);
    }

    private static AIContent Image(JsonElement part, string path)
    {
        if (OptionalString(part, "image_url") is not { } url)
        {
            throw Invalid($"{path}.image_url", $"'{path}' needs 'image_url' (an http(s) URL or a data: URL); 'file_id' is not supported.", "missing_required_parameter");
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var data = new DataContent(url);
                return data.HasTopLevelMediaType("image") ? data : throw Invalid($"{path}.image_url", $"'{path}' is a data URL of type '{data.MediaType}', not an image.");
            }
            catch (FormatException)
            {
                throw Invalid($"{path}.image_url", $"'{path}.image_url' is not a valid base64 data URL (data:image/png;base64,...).");
            }
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new UriContent(uri, "image/*")
            : throw Invalid($"{path}.image_url", $"'{path}.image_url' must be an http(s) URL or a data: URL.");
    }

    private static string OutputText(JsonElement item, string path)
    {
        if (!item.TryGetProperty("output", out var output))
        {
            throw Invalid($"{path}.output", $"'{path}' has no 'output'.", "missing_required_parameter");
        }

        if (output.ValueKind == JsonValueKind.String)
        {
            return output.GetString()!;
        }

        if (output.ValueKind == JsonValueKind.Array)
        {
            var text = new System.Text.StringBuilder();
            foreach (var part in output.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && OptionalString(part, "text") is { } partText)
                {
                    text.Append(partText);
                }
            }

            return text.ToString();
        }

        throw Invalid($"{path}.output", $"'{path}.output' must be a string or an array of text parts.");
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
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone())
                : throw Invalid(path, $"'{path}' must be a JSON object encoded as a string.");
        }
        catch (JsonException ex)
        {
            throw Invalid(path, $"'{path}' is not valid JSON: {ex.Message}");
        }
    }

    private static string? OptionalString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement element, string name, string path)
        => OptionalString(element, name) is { Length: > 0 } value ? value : throw Invalid($"{path}.{name}", $"'{path}' needs '{name}'.", "missing_required_parameter");

    private static RequestValidationException Invalid(string param, string message, string code = "invalid_value") => new(param, message, code);
}
