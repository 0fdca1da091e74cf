using GAgent.Runtime.Tests.Sessions;
using GAgent.Storage;

namespace GAgent.Runtime.Tests.Storage;

public sealed class FileReadCacheTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_read_is_reused_until_it_is_older_than_the_lifetime()
    {
        var cache = new FileReadCache<string>(_time);
        var loads = 0;
        ValueTask<string> Load(CancellationToken _) => ValueTask.FromResult($"v{++loads}");

        Assert.Equal("v1", await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(FileReadCache<string>.Lifetime / 2);
        Assert.Equal("v1", await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(FileReadCache<string>.Lifetime);
        Assert.Equal("v2", await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
    }

    [Fact]
    public async Task A_write_invalidates_at_once_and_a_read_that_raced_it_is_not_cached()
    {
        var cache = new FileReadCache<string>(_time);
        Assert.Equal("old", await cache.GetOrLoadAsync("k", _ => ValueTask.FromResult("old"), CancellationToken.None));
        cache.Invalidate();
        Assert.Equal("new", await cache.GetOrLoadAsync("k", _ => ValueTask.FromResult("new"), CancellationToken.None));

        // A read that started before a write and finished after it returns what it read, but does not keep it.
        var raced = await cache.GetOrLoadAsync("other", _ =>
        {
            cache.Invalidate();
            return ValueTask.FromResult("stale");
        }, CancellationToken.None);
        Assert.Equal("stale", raced);
        Assert.Equal("fresh", await cache.GetOrLoadAsync("other", _ => ValueTask.FromResult("fresh"), CancellationToken.None));
    }
}
