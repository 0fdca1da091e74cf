using System.Buffers;
using System.Security.Cryptography;

namespace GAgent.Media;

/// <summary>Copies an upload to a store's destination while hashing, sniffing and enforcing the size cap, so both stores reject files the same way.</summary>
internal static class MediaIntake
{
    public static async ValueTask<MediaIntakeResult> CopyAsync(Stream source, Stream destination, string? fileName, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sniffer = new MediaTypeSniffer();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (sniffer.Length + read > maxBytes)
                {
                    throw new MediaRejectedException(MediaRejectionReason.TooLarge, $"The file is larger than the cap of {maxBytes} bytes.");
                }

                hash.AppendData(buffer, 0, read);
                sniffer.Append(buffer.AsSpan(0, read));
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (sniffer.Length == 0)
        {
            throw new MediaRejectedException(MediaRejectionReason.Empty, "The file is empty.");
        }

        var sniffed = sniffer.Complete(fileName);
        if (!sniffed.Allowed)
        {
            throw new MediaRejectedException(MediaRejectionReason.TypeNotAllowed, NotAllowedMessage(sniffed.MediaType));
        }

        return new MediaIntakeResult(MediaIds.FromHash(hash.GetHashAndReset()), sniffed.MediaType, sniffer.Length);
    }

    public static string NotAllowedMessage(string mediaType) =>
        $"Files of type '{mediaType}' are not accepted (the type is detected from the content). Allowed types: {string.Join(", ", MediaTypeSniffer.AllowedMediaTypes)}.";
}
