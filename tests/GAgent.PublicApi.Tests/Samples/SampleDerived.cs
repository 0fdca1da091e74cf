namespace GAgent.PublicApi.Tests.Samples;

public sealed class SampleDerived : SampleBase, IDisposable
{
    public override string Kind => "derived";

    public static SampleDerived Create(string name, int count = 3, SampleColor color = SampleColor.Green, string? label = null, CancellationToken cancellationToken = default)
    {
        _ = (name, count, color, label, cancellationToken);
        return new SampleDerived();
    }

    public static bool TryParse(string text, out SampleDerived? result, ref int cursor, in long anchor, params object[] rest)
    {
        _ = (text, cursor, anchor, rest);
        result = null;
        return false;
    }

    public void Dispose()
    {
    }
}
