using System.Globalization;
using System.Text.Json;
using GAgent.Channels;
using GAgent.Samples.CustomChannel.Wire;

namespace GAgent.Samples.CustomChannel;

/// <summary>Maps the inbound side of <see cref="WebhookChannel"/>.</summary>
public static class WebhookEndpoints
{
    /// <summary>
    /// Maps <c>POST {pattern}</c>: verifies the timestamp and HMAC signature over the raw body (401 when missing, wrong,
    /// stale or replayed), then dispatches the message and answers 202 with the session and run ids. The reply arrives
    /// later at the callback URL.
    /// </summary>
    public static IEndpointConventionBuilder MapWebhookChannel(this IEndpointRouteBuilder endpoints, string pattern = "/webhook/inbound")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, ReceiveAsync).DisableAntiforgery();
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, WebhookChannel channel, WebhookReplayGuard replays, TimeProvider time, ILogger<WebhookChannel> logger)
    {
        var options = channel.Options;
        var cancellationToken = http.RequestAborted;
        if (http.Request.ContentLength > options.MaxBodyBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"The body must not exceed {options.MaxBodyBytes} bytes.");
        }

        // The signature covers the exact bytes sent, so verify the raw body before any parsing.
        var body = await ReadBodyAsync(http.Request.Body, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"The body must not exceed {options.MaxBodyBytes} bytes.");
        }

        var refusal = Authenticate(http.Request.Headers, body, options, replays, time);
        if (refusal is not null)
        {
            WebhookLog.InboundRefused(logger, refusal);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: refusal);
        }

        InboundWebhookRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.InboundWebhookRequest);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not valid JSON.");
        }

        if (request is null || string.IsNullOrWhiteSpace(request.SenderId) || string.IsNullOrWhiteSpace(request.ConversationId) || string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "senderId, conversationId and text are required.");
        }

        var context = channel.Context;
        if (context is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The webhook channel is not running.");
        }

        var result = await context.DispatchAsync(
            new InboundMessage
            {
                ChannelName = channel.Name,
                SenderId = request.SenderId,
                SenderDisplayName = request.SenderName,
                ConversationId = request.ConversationId,
                Text = request.Text,
                ClientMessageId = request.MessageId,
                ReceivedAt = time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            return TypedResults.Json(new InboundWebhookAccepted(result.SessionId!, result.RunId!), WebhookJsonContext.Default.InboundWebhookAccepted, statusCode: StatusCodes.Status202Accepted);
        }

        var status = result.Refusal switch
        {
            DispatchRefusal.SenderNotAllowed => StatusCodes.Status403Forbidden,
            DispatchRefusal.SessionBusy => StatusCodes.Status409Conflict,
            DispatchRefusal.TooManyRuns => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status503ServiceUnavailable,
        };
        return TypedResults.Problem(statusCode: status, detail: result.RefusalMessage);
    }

    private static string? Authenticate(IHeaderDictionary headers, byte[] body, WebhookChannelOptions options, WebhookReplayGuard replays, TimeProvider time)
    {
        if (!long.TryParse(headers[WebhookSignature.TimestampHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return $"missing or malformed {WebhookSignature.TimestampHeader} header";
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (age.Duration() > options.ReplayWindow)
        {
            return "the timestamp is outside the replay window";
        }

        string? signature = headers[WebhookSignature.SignatureHeader];
        if (!WebhookSignature.Verify(options.Secret, timestamp, body, signature))
        {
            return "missing or invalid signature";
        }

        // Fresh timestamps are accepted from both sides of the clock, so remember signatures for twice the window.
        return replays.TryRecord(signature!, options.ReplayWindow * 2) ? null : "the request was already received";
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
