using System.ComponentModel.DataAnnotations;

namespace GAgent.AspNetCore;

/// <summary>Media uploads and signed media URLs (<c>GAgent:Media</c>). Uploads over a cap get 413 naming it.</summary>
public sealed class MediaOptions
{
    /// <summary>Largest single uploaded file. Default 20 MiB.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest total of the files in one upload request. Default 50 MiB.</summary>
    [Range(1, 4L * 1024 * 1024 * 1024)]
    public long MaxRequestBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Most files in one upload request. Default 10.</summary>
    [Range(1, 1000)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>How long a signed media URL stays valid. Default one hour.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "30.00:00:00")]
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);
}
