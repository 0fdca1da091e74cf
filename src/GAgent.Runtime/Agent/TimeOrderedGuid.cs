using System.Buffers.Binary;
using System.Security.Cryptography;

namespace GAgent.Agent;

/// <summary>
/// Version 7 GUIDs (RFC 9562: 48 bits of Unix milliseconds, then 74 random bits), as
/// <see cref="Guid.CreateVersion7()"/> makes them, with the random bits taken from a per-thread block of
/// cryptographically secure bytes. <see cref="Guid.CreateVersion7()"/> asks the operating system for 16 random bytes
/// on every call, a system call that costs ~0.7 µs on Linux, and a run needs several ids before its first token.
/// These are identifiers, not secrets: nothing grants access by knowing one.
/// </summary>
internal static class TimeOrderedGuid
{
    private const int RandomBytesPerGuid = 10;
    private const int BlockSize = RandomBytesPerGuid * 64;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    public static Guid New() => New(DateTimeOffset.UtcNow);

    /// <summary>A version 7 GUID for <paramref name="time"/> (before 1970 counts as 1970).</summary>
    public static Guid New(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = (ulong)Math.Max(0, time.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt64BigEndian(bytes, milliseconds << 16);
        TakeRandom(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10 (RFC 9562)
        return new Guid(bytes, bigEndian: true);
    }

    private static void TakeRandom(Span<byte> into)
    {
        var block = t_random;
        if (block is null || t_used + RandomBytesPerGuid > block.Length)
        {
            block = t_random ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }

        block.AsSpan(t_used, RandomBytesPerGuid).CopyTo(into);
        t_used += RandomBytesPerGuid;
    }
}
