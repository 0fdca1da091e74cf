using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GAgent.Samples.CustomChannel;

/// <summary>
/// The signature scheme of both directions: <c>X-Webhook-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}." + raw body&gt;</c>
/// with <c>X-Webhook-Timestamp: &lt;unix seconds&gt;</c>. Signing the timestamp with the body stops an attacker from
/// replaying an old body under a fresh timestamp.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "X-Webhook-Signature";

    /// <summary>The header with the unix time (seconds) the request was signed at.</summary>
    public const string TimestampHeader = "X-Webhook-Timestamp";

    private const string Prefix = "sha256=";

    /// <summary>The signature header value of <paramref name="body"/> signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    /// <summary>True when <paramref name="signature"/> is a valid signature of the body; compared in constant time.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + (HMACSHA256.HashSizeInBytes * 2))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != presented.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Compute(secret, timestamp, body), presented);
    }

    private static byte[] Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
