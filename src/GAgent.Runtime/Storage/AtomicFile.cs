using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GAgent.Storage;

/// <summary>
/// Whole-file writes that never leave a torn file: the content goes to a temporary file in the same directory, is
/// flushed to disk, then renamed over the target. Temporary names start with '.' so no valid id can collide with them.
/// </summary>
internal static class AtomicFile
{
    public const string TempPrefix = ".tmp-";

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        => WriteAsync(path, Path.Join(Path.GetDirectoryName(path)!, TempPrefix + Guid.NewGuid().ToString("N")), (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> through the temporary file <paramref name="tempPath"/>,
    /// with the fsync done by <paramref name="sync"/> (on its threads, where concurrent fsyncs are committed together).
    /// </summary>
    public static Task WriteAsync(string path, string tempPath, ReadOnlyMemory<byte> content, FileSync sync)
        => WriteAsync(path, tempPath, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), CancellationToken.None, sync);

    /// <summary>
    /// Writes <paramref name="path"/> through the temporary file <paramref name="tempPath"/> (in the same directory,
    /// named the way the calling store recognises its leftovers), filled by <paramref name="write"/>; the fsync runs on
    /// the caller's thread, or through <paramref name="sync"/> when given.
    /// </summary>
    public static async Task WriteAsync(string path, string tempPath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken, FileSync? sync = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // Create, not CreateNew: a store that names its temporary file after the target finds a crashed write's leftover there.
            var stream = new FileStream(tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (sync is null)
                {
                    stream.Flush(flushToDisk: true);
                }
                else
                {
                    await sync.FlushAsync(stream.SafeFileHandle).ConfigureAwait(false);
                }
            }

            File.Move(tempPath, path, overwrite: true);
        }
        finally
        {
            TryDelete(tempPath);
        }
    }

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="path"/> through <paramref name="tempPath"/>.</summary>
    public static Task WriteJsonAsync<T>(string path, string tempPath, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        => WriteAsync(path, tempPath, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, typeInfo, ct), cancellationToken);

    /// <summary>
    /// Deletes the temporary files a process that died mid-write left in <paramref name="directory"/> (matching
    /// <paramref name="searchPattern"/>); returns how many. One still held by a process shutting down is left for the next start.
    /// </summary>
    public static int RemoveLeftovers(string directory, string searchPattern)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, searchPattern))
        {
            if (TryDelete(file))
            {
                removed++;
            }
        }

        return removed;
    }

    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
        => WriteAsync(path, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>The file's text, or null when it does not exist.</summary>
    public static async Task<string?> TryReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static async Task<byte[]?> TryReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
