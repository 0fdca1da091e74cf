using System.Buffers;
using System.Text.Json;

namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>
/// Reads the common shape of a chat completions request (model, messages of role, content, name and tool call id,
/// the stream flags and the sampling numbers) in one pass, without the serializer's per-property machinery, which
/// costs several times the reading itself and grows with every message of a resent history. Anything else (tools,
/// response formats, tool calls in messages, unknown or repeated properties, a value of an unexpected type, invalid
/// JSON) makes it give up and return null: the caller then parses with the serializer, which reads every shape and
/// reports every error. What this returns is therefore always what the serializer returns for the same body.
/// </summary>
internal static class ChatCompletionRequestReader
{
    private static readonly TryGetNumber<float> GetSingle = static (ref Utf8JsonReader reader, out float value) => reader.TryGetSingle(out value);
    private static readonly TryGetNumber<int> GetInt32 = static (ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value);
    private static readonly TryGetNumber<long> GetInt64 = static (ref Utf8JsonReader reader, out long value) => reader.TryGetInt64(out value);

    private delegate bool TryGetNumber<T>(ref Utf8JsonReader reader, out T value);

    public static ChatCompletionRequest? TryRead(ReadOnlySequence<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            // The whole body must be this one object: trailing data fails the read, and the serializer reports it.
            return reader.Read() && TryReadRequest(ref reader) is { } request && !reader.Read() ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8.
            return null;
        }
    }

    private static ChatCompletionRequest? TryReadRequest(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var request = new ChatCompletionRequest();
        var seen = new SeenProperties();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool read;
            if (reader.ValueTextEquals("model"u8))
            {
                read = seen.First(0) && TryReadString(ref reader, out var model) && Set(request.Model = model);
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                read = seen.First(1) && TryReadMessages(ref reader, out var messages) && Set(request.Messages = messages);
            }
            else if (reader.ValueTextEquals("stream"u8))
            {
                read = seen.First(2) && TryReadBoolean(ref reader, out var stream) && Set(request.Stream = stream);
            }
            else if (reader.ValueTextEquals("stream_options"u8))
            {
                read = seen.First(3) && TryReadStreamOptions(ref reader, out var options) && Set(request.StreamOptions = options);
            }
            else if (reader.ValueTextEquals("temperature"u8))
            {
                read = seen.First(4) && TryReadNumber(ref reader, GetSingle, out var value) && Set(request.Temperature = value);
            }
            else if (reader.ValueTextEquals("top_p"u8))
            {
                read = seen.First(5) && TryReadNumber(ref reader, GetSingle, out var value) && Set(request.TopP = value);
            }
            else if (reader.ValueTextEquals("presence_penalty"u8))
            {
                read = seen.First(6) && TryReadNumber(ref reader, GetSingle, out var value) && Set(request.PresencePenalty = value);
            }
            else if (reader.ValueTextEquals("frequency_penalty"u8))
            {
                read = seen.First(7) && TryReadNumber(ref reader, GetSingle, out var value) && Set(request.FrequencyPenalty = value);
            }
            else if (reader.ValueTextEquals("max_tokens"u8))
            {
                read = seen.First(8) && TryReadNumber(ref reader, GetInt32, out var value) && Set(request.MaxTokens = value);
            }
            else if (reader.ValueTextEquals("max_completion_tokens"u8))
            {
                read = seen.First(9) && TryReadNumber(ref reader, GetInt32, out var value) && Set(request.MaxCompletionTokens = value);
            }
            else if (reader.ValueTextEquals("n"u8))
            {
                read = seen.First(10) && TryReadNumber(ref reader, GetInt32, out var value) && Set(request.N = value);
            }
            else if (reader.ValueTextEquals("seed"u8))
            {
                read = seen.First(11) && TryReadNumber(ref reader, GetInt64, out var value) && Set(request.Seed = value);
            }
            else if (reader.ValueTextEquals("user"u8))
            {
                read = seen.First(12) && TryReadString(ref reader, out var user) && Set(request.User = user);
            }
            else if (reader.ValueTextEquals("parallel_tool_calls"u8))
            {
                read = seen.First(13) && TryReadBoolean(ref reader, out var value) && Set(request.ParallelToolCalls = value);
            }
            else if (reader.ValueTextEquals("logprobs"u8))
            {
                read = seen.First(14) && TryReadBoolean(ref reader, out var value) && Set(request.Logprobs = value);
            }
            else
            {
                read = false;
            }

            if (!read)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? request : null;
    }

    private static bool TryReadMessages(ref Utf8JsonReader reader, out List<ChatCompletionMessage?>? messages)
    {
        messages = null;
        if (!TryNextValue(ref reader, JsonTokenType.StartArray, out var isNull))
        {
            return false;
        }

        if (isNull)
        {
            return true;
        }

        messages = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                messages.Add(null);
            }
            else if (TryReadMessage(ref reader) is { } message)
            {
                messages.Add(message);
            }
            else
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static ChatCompletionMessage? TryReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var message = new ChatCompletionMessage();
        var seen = new SeenProperties();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool read;
            if (reader.ValueTextEquals("role"u8))
            {
                read = seen.First(0) && TryReadString(ref reader, out var role) && Set(message.Role = role);
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                read = seen.First(1) && TryReadContent(ref reader, out var content) && Set(message.Content = content);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                read = seen.First(2) && TryReadString(ref reader, out var name) && Set(message.Name = name);
            }
            else if (reader.ValueTextEquals("tool_call_id"u8))
            {
                read = seen.First(3) && TryReadString(ref reader, out var id) && Set(message.ToolCallId = id);
            }
            else
            {
                read = false;
            }

            if (!read)
            {
                return null;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject ? message : null;
    }

    /// <summary>The content as <see cref="ChatMessageContentConverter"/> reads it: a string, or any other value kept as JSON; null stays null.</summary>
    private static bool TryReadContent(ref Utf8JsonReader reader, out ChatMessageContent? content)
    {
        content = null;
        if (!reader.Read())
        {
            return false;
        }

        content = reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => new ChatMessageContent(reader.GetString()!),
            _ => new ChatMessageContent(JsonElement.ParseValue(ref reader)),
        };
        return true;
    }

    private static bool TryReadStreamOptions(ref Utf8JsonReader reader, out ChatStreamOptions? options)
    {
        options = null;
        if (!TryNextValue(ref reader, JsonTokenType.StartObject, out var isNull))
        {
            return false;
        }

        if (isNull)
        {
            return true;
        }

        options = new ChatStreamOptions();
        var seen = new SeenProperties();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("include_usage"u8) || !seen.First(0) || !TryReadBoolean(ref reader, out var includeUsage))
            {
                return false;
            }

            options.IncludeUsage = includeUsage;
        }

        return reader.TokenType == JsonTokenType.EndObject;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!TryNextValue(ref reader, JsonTokenType.String, out var isNull))
        {
            return false;
        }

        value = isNull ? null : reader.GetString();
        return true;
    }

    private static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        if (!reader.Read())
        {
            return false;
        }

        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>
    /// A number read by one of the reader's own TryGet methods, which the serializer's converters use too, so a value
    /// out of the type's range gives up here exactly where the serializer fails.
    /// </summary>
    private static bool TryReadNumber<T>(ref Utf8JsonReader reader, TryGetNumber<T> tryGet, out T? value)
        where T : struct
    {
        value = null;
        T number = default;
        if (!TryNextValue(ref reader, JsonTokenType.Number, out var isNull) || (!isNull && !tryGet(ref reader, out number)))
        {
            return false;
        }

        value = isNull ? null : number;
        return true;
    }

    /// <summary>Moves to the next value: true when it is null (<paramref name="isNull"/>) or a <paramref name="expected"/> token, false for anything else.</summary>
    private static bool TryNextValue(ref Utf8JsonReader reader, JsonTokenType expected, out bool isNull)
    {
        isNull = false;
        if (!reader.Read())
        {
            return false;
        }

        isNull = reader.TokenType == JsonTokenType.Null;
        return isNull || reader.TokenType == expected;
    }

    /// <summary>
    /// Lets an assignment end a chain of conditions (<c>seen &amp;&amp; read &amp;&amp; Set(x = value)</c>), so each property is one
    /// line; the branch is chosen by the property's name alone, so a failed read never falls through to another.
    /// </summary>
    private static bool Set<T>(T _) => true;
}
