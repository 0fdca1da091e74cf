using System.ComponentModel.DataAnnotations;

namespace GAgent.Configuration;

/// <summary>How the channel manager restarts a failed channel: exponential backoff from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>.</summary>
public sealed class ChannelRestartOptions
{
    /// <summary>The wait before the first restart; it doubles after each consecutive failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts. Must not be below <see cref="InitialDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
