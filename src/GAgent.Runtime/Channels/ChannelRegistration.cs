namespace GAgent.Channels;

/// <summary>One channel added with <c>AddChannel</c>; the manager creates it from the service provider on first use.</summary>
internal sealed class ChannelRegistration(Func<IServiceProvider, IChannel> factory)
{
    public Func<IServiceProvider, IChannel> Factory { get; } = factory;
}
