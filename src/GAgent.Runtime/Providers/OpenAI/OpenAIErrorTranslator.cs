using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace GAgent.Providers.OpenAI;

/// <summary>
/// Turns SDK and network failures into <see cref="ChatProviderException"/>s whose message is the provider's own
/// explanation. Caller cancellation is never translated: it must surface as <see cref="OperationCanceledException"/>.
/// </summary>
internal static class OpenAIErrorTranslator
{
    /// <summary>The provider name reported in errors and metadata.</summary>
    public const string ProviderName = "openai";

    /// <summary>Returns the exception to throw instead of <paramref name="exception"/>, or <see langword="null"/> to let it propagate.</summary>
    public static ChatProviderException? Translate(Exception exception, Uri endpoint, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is OperationCanceledException)
        {
            return null;
        }

        return exception switch
        {
            ClientResultException { Status: > 0 } failure => FromResponse(failure),
            ClientResultException or HttpRequestException or IOException => Unreachable(endpoint, exception),
            OperationCanceledException => TimedOut(endpoint, exception),
            _ => null,
        };
    }

    private static ChatProviderException FromResponse(ClientResultException failure)
    {
        var error = ReadError(failure.GetRawResponse());
        var detail = error.Message ?? failure.GetRawResponse()?.ReasonPhrase ?? failure.Message;
        var message = $"The model provider returned {failure.Status}: {detail}{Hint(failure.Status)}";
        return new ChatProviderException(ProviderName, message, failure.Status, error.Code ?? error.Type, failure);
    }

    private static string Hint(int status) => status switch
    {
        401 or 403 => " (check the API key in GAgent:OpenAI:ApiKey)",
        404 => " (check GAgent:OpenAI:Endpoint and GAgent:OpenAI:Model)",
        _ => string.Empty,
    };

    private static ChatProviderException Unreachable(Uri endpoint, Exception exception) => new(
        ProviderName,
        $"The model provider at {Describe(endpoint)} could not be reached or dropped the connection: {exception.Message} Check GAgent:OpenAI:Endpoint and that the server is running.",
        innerException: exception);

    private static ChatProviderException TimedOut(Uri endpoint, Exception exception) => new(
        ProviderName,
        $"The model provider at {Describe(endpoint)} did not answer within the network timeout (GAgent:OpenAI:NetworkTimeout).",
        innerException: exception);

    // Scheme, host and path only: credentials embedded in the URL must never reach a message or a log.
    private static string Describe(Uri endpoint) =>
        endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static ProviderError ReadError(PipelineResponse? response)
    {
        BinaryData content;
        try
        {
            content = response?.Content ?? BinaryData.Empty;
        }
        catch (InvalidOperationException)
        {
            // The body of a streamed response may not have been buffered.
            return default;
        }

        return content.IsEmpty ? default : ParseError(content);
    }

    /// <summary>
    /// Reads <c>{"error":{"message","type","code"}}</c>, plus the shapes some compatible servers use instead:
    /// <c>{"error":"text"}</c> and a top-level <c>{"message","type","code"}</c>.
    /// </summary>
    internal static ProviderError ParseError(BinaryData content)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            if (root.TryGetProperty("error", out var error))
            {
                return error.ValueKind switch
                {
                    JsonValueKind.Object => FromObject(error),
                    JsonValueKind.String => new ProviderError(error.GetString(), null, null),
                    _ => default,
                };
            }

            return FromObject(root);
        }
        catch (JsonException)
        {
            return new ProviderError(Truncate(content.ToString()), null, null);
        }
    }

    private static ProviderError FromObject(JsonElement error) =>
        new(ReadString(error, "message"), ReadString(error, "type"), ReadString(error, "code"));

    private static string? ReadString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    // A non-JSON error page (a proxy's HTML, say) is quoted only briefly.
    private static string? Truncate(string text)
    {
        const int MaxLength = 300;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length <= MaxLength ? trimmed : string.Concat(trimmed.AsSpan(0, MaxLength), "...");
    }
}
