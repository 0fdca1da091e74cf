namespace GAgent.PublicApi.Tests.Samples;

public abstract class SampleBase
{
    public const string Greeting = "say \"hi\"";

    public static readonly int DefaultSize = 4;

    protected SampleBase()
    {
    }

    public event EventHandler? Changed;

    public abstract string Kind { get; }

    public virtual int Size { get; protected set; }

    public int this[int index] => index * Size;

    protected internal void Touch() => Changed?.Invoke(this, EventArgs.Empty);

    internal void HiddenInternal() => Touch();

    private protected void HiddenPrivateProtected() => Touch();
}
