using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GAgent.Channels;
using GAgent.Samples.CustomChannel.Wire;
using Microsoft.Extensions.Options;

namespace GAgent.Samples.CustomChannel;

/// <summary>
/// A channel over plain HTTP: a signed <c>POST /webhook/inbound</c> brings a user message in (see <see cref="WebhookEndpoints"/>),
/// and each reply is POSTed, signed the same way, to the configured callback URL, with bounded retries and backoff.
/// 408, 429 and 5xx responses and network errors are retried (honouring <c>Retry-After</c>); other 4xx are not.
/// </summary>
public sealed class WebhookChannel : IChannel
{
    /// <summary>The name of the <see cref="HttpClient"/> used for callbacks (configure it with <c>AddHttpClient</c>).</summary>
    public const string HttpClientName = "webhook-callback";

    private readonly IHttpClientFactory _httpClients;
    private readonly WebhookChannelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookChannel> _logger;
    private volatile IChannelContext? _context;

    /// <summary>Created by the container (<c>AddChannel&lt;WebhookChannel&gt;()</c>).</summary>
    public WebhookChannel(IHttpClientFactory httpClients, IOptions<WebhookChannelOptions> options, TimeProvider time, ILogger<WebhookChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Capabilities = new ChannelCapabilities { MaxTextLength = _options.MaxTextLength, Markup = ChannelMarkup.Markdown };
    }

    /// <inheritdoc />
    public string Name => "webhook";

    /// <inheritdoc />
    public ChannelCapabilities Capabilities { get; }

    /// <summary>The inbound path while the channel runs; null before start and after stop.</summary>
    internal IChannelContext? Context => _context;

    internal WebhookChannelOptions Options => _options;

    /// <inheritdoc />
    public Task StartAsync(IChannelContext context, CancellationToken cancellationToken)
    {
        // Nothing to connect: the inbound side is an endpoint of the host. Holding the context is what opens it.
        _context = context;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _context = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new OutboundWebhookPayload(message.ConversationId, message.Text, message.ReplyTo, message.RunId, message.PartIndex, message.PartCount, message.IsFinal),
            WebhookJsonContext.Default.OutboundWebhookPayload);
        var client = _httpClients.CreateClient(HttpClientName);
        DeliveryResult last = DeliveryResult.Failure(DeliveryErrorCode.Transient, "Not attempted.");
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.AttemptTimeout);
                using var request = CreateRequest(body);
                using var response = await client.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return DeliveryResult.Success();
                }

                var status = (int)response.StatusCode;
                retryAfter = RetryAfter(response.Headers.RetryAfter);
                last = Classify(response.StatusCode, retryAfter);
                if (last.ErrorCode is not (DeliveryErrorCode.Transient or DeliveryErrorCode.RateLimited))
                {
                    WebhookLog.Rejected(_logger, status);
                    return last;
                }

                if (attempt < _options.MaxAttempts)
                {
                    WebhookLog.RetryingStatus(_logger, attempt, status, Delay(attempt, retryAfter));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A network error or an attempt timeout: the callback may be restarting, try again.
                last = DeliveryResult.Failure(DeliveryErrorCode.Transient, $"Callback unreachable: {ex.Message}");
                if (attempt < _options.MaxAttempts)
                {
                    WebhookLog.RetryingError(_logger, attempt, Delay(attempt, null), ex);
                }
            }

            if (attempt < _options.MaxAttempts)
            {
                await Task.Delay(Delay(attempt, retryAfter), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return last;
    }

    private HttpRequestMessage CreateRequest(byte[] body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, _options.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(_options.Secret, timestamp, body));
        return request;
    }

    private static DeliveryResult Classify(HttpStatusCode status, TimeSpan? retryAfter)
    {
        var code = (int)status;
        var message = $"Callback answered {code} {status}.";
        return status switch
        {
            HttpStatusCode.TooManyRequests => DeliveryResult.Failure(DeliveryErrorCode.RateLimited, message, retryAfter),
            HttpStatusCode.RequestTimeout => DeliveryResult.Failure(DeliveryErrorCode.Transient, message, retryAfter),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => DeliveryResult.Failure(DeliveryErrorCode.Unauthorized, message),
            HttpStatusCode.RequestEntityTooLarge => DeliveryResult.Failure(DeliveryErrorCode.TooLarge, message),
            _ when code >= 500 => DeliveryResult.Failure(DeliveryErrorCode.Transient, message, retryAfter),
            _ => DeliveryResult.Failure(DeliveryErrorCode.Permanent, message),
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    /// <summary>Exponential backoff from the initial delay, or the callback's Retry-After when longer; both capped.</summary>
    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backoff = TimeSpan.FromTicks((long)Math.Min(_options.InitialRetryDelay.Ticks * Math.Pow(2, attempt - 1), _options.MaxRetryDelay.Ticks));
        var wanted = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return wanted > _options.MaxRetryDelay ? _options.MaxRetryDelay : wanted < TimeSpan.Zero ? TimeSpan.Zero : wanted;
    }
}
