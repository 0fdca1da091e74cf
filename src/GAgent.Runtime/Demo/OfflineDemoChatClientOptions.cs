namespace GAgent.Demo;

/// <summary>Options of the offline demo model.</summary>
public sealed class OfflineDemoChatClientOptions
{
    /// <summary>The model id listed by <c>/v1/models</c>.</summary>
    public string ModelId { get; set; } = "gagent-demo";

    /// <summary>Pause between streamed words, so streaming is visible; zero streams at once.</summary>
    public TimeSpan WordDelay { get; set; } = TimeSpan.FromMilliseconds(15);
}
