namespace GAgent.PublicApi.Tests.Samples;

[Flags]
public enum SampleColor
{
    None = 0,
    Red = 1,
    Green = 2,
    Blue = 4,
}
