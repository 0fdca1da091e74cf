using GAgent.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace GAgent.Runtime.Tests.Channels;

public sealed class ChannelManagerTests
{
    [Fact]
    public async Task A_channel_whose_start_throws_is_restarted_with_backoff()
    {
        var channel = new FakeChannel { FailingStarts = 3 };
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        var started = TimeProvider.System.GetTimestamp();
        await runtime.StartAsync(channel);

        // 20 + 40 + 80 ms of backoff (capped at 80) before the fourth start.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(130));
        var status = runtime.Manager.GetStatus("fake");
        Assert.Equal(ChannelState.Running, status.State);
        Assert.Equal(3, status.Restarts);
        Assert.Equal(4, channel.Starts);
        Assert.NotNull(status.StartedAt);
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Status_shows_the_fault_while_the_channel_keeps_failing()
    {
        var channel = new FakeChannel { FailingStarts = int.MaxValue };
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        await runtime.Manager.StartAsync(CancellationToken.None);

        await ChannelTestRuntime.WaitForAsync(() => runtime.Manager.GetStatus("fake").Restarts >= 2);
        var status = runtime.Manager.GetStatus("fake");
        Assert.Contains(status.State, new[] { ChannelState.Faulted, ChannelState.Restarting });
        Assert.StartsWith("start ", status.LastError, StringComparison.Ordinal);
        Assert.Null(status.StartedAt);
    }

    [Fact]
    public async Task A_reported_fault_stops_and_restarts_the_channel()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        await runtime.StartAsync(channel);

        channel.Context!.ReportFault(new IOException("connection dropped"));
        await ChannelTestRuntime.WaitForAsync(() => channel.Starts == 2 && runtime.Manager.GetStatus("fake").State == ChannelState.Running);
        Assert.Equal(1, channel.Stops);
        Assert.Equal(1, runtime.Manager.GetStatus("fake").Restarts);
    }

    [Fact]
    public async Task Shutdown_stops_running_channels()
    {
        var channel = new FakeChannel();
        var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel));
        await runtime.StartAsync(channel);
        await runtime.DisposeAsync();
        Assert.Equal(1, channel.Stops);
        Assert.Equal(ChannelState.Stopped, runtime.Manager.GetStatus("fake").State);
    }

    [Fact]
    public async Task A_disabled_channel_is_never_started()
    {
        var channel = new FakeChannel();
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => channel), o => o.Channels["fake"] = new ChannelOptions { Enabled = false });
        await runtime.Manager.StartAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.Equal(0, channel.Starts);
        Assert.False(runtime.Manager.GetStatus("fake").Enabled);
        Assert.Equal(ChannelState.Stopped, runtime.Manager.GetStatus("fake").State);
    }

    [Fact]
    public async Task Duplicate_or_invalid_names_fail_at_start()
    {
        await using var duplicate = new ChannelTestRuntime(b => b.AddChannel(_ => new FakeChannel("a")).AddChannel(_ => new FakeChannel("A")));
        Assert.Contains("unique", (await Assert.ThrowsAsync<InvalidOperationException>(() => duplicate.Manager.StartAsync(CancellationToken.None))).Message, StringComparison.Ordinal);

        await using var invalid = new ChannelTestRuntime(b => b.AddChannel(_ => new FakeChannel("bad name")));
        Assert.Contains("invalid", (await Assert.ThrowsAsync<InvalidOperationException>(() => invalid.Manager.StartAsync(CancellationToken.None))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_delay_below_the_initial_delay_fails_at_start()
    {
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel(_ => new FakeChannel()), o => o.ChannelRestart.MaxDelay = TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.Manager.StartAsync(CancellationToken.None));
        Assert.Contains("ChannelRestart:MaxDelay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddChannel_of_T_registers_the_channel_as_a_singleton()
    {
        await using var runtime = new ChannelTestRuntime(b => b.AddChannel<FakeChannel>());
        var channel = Assert.Single(runtime.Manager.Channels);
        Assert.Same(channel, runtime.Services.GetRequiredService<FakeChannel>());
    }
}
