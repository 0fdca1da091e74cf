using System.ComponentModel.DataAnnotations;

namespace GAgent.Samples.CustomChannel;

/// <summary>The webhook channel's settings, bound from the <c>Webhook</c> configuration section and validated at start.</summary>
public sealed class WebhookChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Webhook";

    /// <summary>The shared secret both sides sign with (HMAC-SHA256). Keep it out of source control: use user secrets or an environment variable (<c>Webhook__Secret</c>).</summary>
    [Required(ErrorMessage = "Webhook:Secret is required: set a random secret of at least 32 characters (for example the environment variable Webhook__Secret).")]
    [MinLength(32, ErrorMessage = "Webhook:Secret must be at least 32 characters long.")]
    public string Secret { get; set; } = "";

    /// <summary>Where replies are POSTed.</summary>
    [Required(ErrorMessage = "Webhook:CallbackUrl is required: the URL replies are POSTed to.")]
    public Uri? CallbackUrl { get; set; }

    /// <summary>How far an inbound request's timestamp may be from the server clock; older (or replayed) requests are refused.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest inbound body accepted, in bytes.</summary>
    [Range(256, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The longest reply text per callback; longer replies arrive in several parts.</summary>
    [Range(64, 1_000_000)]
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Delivery attempts per callback, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; it doubles on each further retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also the cap on a callback's <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The timeout of one callback attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
