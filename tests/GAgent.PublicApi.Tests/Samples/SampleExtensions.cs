namespace GAgent.PublicApi.Tests.Samples;

public static class SampleExtensions
{
    public static T Twice<T>(this T value)
        where T : struct => value;

    [Obsolete("Use Twice.")]
    public static int Legacy(this int value) => value;
}
