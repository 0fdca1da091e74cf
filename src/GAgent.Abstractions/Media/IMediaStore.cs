namespace GAgent.Media;

/// <summary>
/// Uploaded files, stored by content hash: saving identical bytes twice returns the same id. The media type is sniffed
/// from the bytes, never taken from the client. Implementations are thread-safe and pass the shared conformance suite.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="content"/> (read to its end) unless identical bytes are already stored, and returns its metadata.</summary>
    /// <param name="content">The bytes to store.</param>
    /// <param name="fileName">The file name the client declared; only its sanitized last segment is kept, and its extension decides between text types.</param>
    /// <param name="maxBytes">The largest content accepted.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is stored then.</param>
    /// <exception cref="MediaRejectedException">The content is empty, too large or of a type that is not allowed; nothing is stored.</exception>
    ValueTask<MediaInfo> SaveAsync(Stream content, string? fileName, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>Gets a stored file's metadata, or null when it does not exist (or the id is not valid).</summary>
    ValueTask<MediaInfo?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Gets the metadata of those of <paramref name="ids"/> that exist, in the order given (unknown and invalid ids are skipped).</summary>
    ValueTask<IReadOnlyList<MediaInfo>> GetManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Opens a seekable read stream over a stored file's bytes. The caller disposes it.</summary>
    /// <exception cref="MediaNotFoundException">The file does not exist.</exception>
    ValueTask<Stream> OpenReadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored file. Returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
