namespace GAgent.Samples.Host;

/// <summary>Log messages of the sample host.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1, LogLevel.Information, "GAgent host started; default model {ModelId}.")]
    public static partial void Started(ILogger logger, string modelId);
}
