using System.Collections.Concurrent;
using GAgent.Agent;

namespace GAgent.Runtime.Tests.Agent;

public sealed class TimeOrderedGuidTests
{
    [Fact]
    public void A_guid_is_version_7_with_the_rfc_variant_and_the_time_in_its_first_48_bits()
    {
        var time = new DateTimeOffset(2026, 11, 21, 18, 30, 15, 123, TimeSpan.Zero);

        var guid = TimeOrderedGuid.New(time);

        Assert.Equal(7, guid.Version);
        Assert.Equal(0b10, guid.Variant >> 2);
        var hex = guid.ToString("N");
        Assert.Equal(time.ToUnixTimeMilliseconds(), Convert.ToInt64(hex[..12], 16));
        // The framework's own version 7 GUIDs of the same millisecond share those first 48 bits.
        Assert.Equal(Guid.CreateVersion7(time).ToString("N")[..12], hex[..12]);
    }

    [Fact]
    public void Guids_of_later_milliseconds_sort_after_earlier_ones_as_text()
    {
        var start = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 1_000).Select(i => TimeOrderedGuid.New(start.AddMilliseconds(i)).ToString("N")).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Guids_are_unique_across_threads_and_random_block_refills()
    {
        // Far more guids than one thread's block of random bytes holds, made on several threads at once.
        var seen = new ConcurrentDictionary<Guid, byte>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                Assert.True(seen.TryAdd(TimeOrderedGuid.New(), 0));
            }
        });

        Assert.Equal(40_000, seen.Count);
    }

    [Fact]
    public void The_random_bits_differ_within_one_millisecond()
    {
        var time = DateTimeOffset.UtcNow;
        var tails = Enumerable.Range(0, 200).Select(_ => TimeOrderedGuid.New(time).ToString("N")[12..]).ToHashSet();

        Assert.Equal(200, tails.Count);
    }
}
