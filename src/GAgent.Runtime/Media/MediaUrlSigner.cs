using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Media;

/// <summary>
/// Signs media URLs with HMAC-SHA256 over the id and an expiry, so a browser can load a file without an API key. The
/// 32-byte key is generated once and kept in <c>{keyDirectory}/media-signing.key</c> (mode 0600 where the OS has
/// Unix permissions), so links survive a restart; deleting the file revokes every link.
/// </summary>
public sealed class MediaUrlSigner
{
    /// <summary>The key file's name.</summary>
    public const string KeyFileName = "media-signing.key";

    private const int KeySize = 32;

    private readonly string _keyPath;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lazy<byte[]> _key;

    /// <summary>Creates the signer; the key is read (or created) on first use.</summary>
    public MediaUrlSigner(string keyDirectory, TimeProvider? time = null, ILogger<MediaUrlSigner>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyDirectory);
        _keyPath = Path.Join(Path.GetFullPath(keyDirectory), KeyFileName);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MediaUrlSigner>.Instance;
        _key = new Lazy<byte[]>(LoadOrCreateKey, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The signature of <paramref name="mediaId"/> valid until <paramref name="expiresAtUnixSeconds"/> (base64url).</summary>
    public string Sign(string mediaId, long expiresAtUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(mediaId);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(mediaId, expiresAtUnixSeconds, mac);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>The query string (<c>?exp=…&amp;sig=…</c>) that grants access to <paramref name="mediaId"/> for <paramref name="lifetime"/>.</summary>
    public string CreateQuery(string mediaId, TimeSpan lifetime)
    {
        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"?exp={expires}&sig={Sign(mediaId, expires)}");
    }

    /// <summary>Checks a signature in constant time; a matching but expired one is <see cref="MediaSignatureStatus.Expired"/>.</summary>
    public MediaSignatureStatus Verify(string mediaId, long expiresAtUnixSeconds, string? signature)
    {
        ArgumentNullException.ThrowIfNull(mediaId);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes + 3];
        if (string.IsNullOrEmpty(signature) || signature.Length > 64 || !Base64Url.IsValid(signature.AsSpan(), out var length)
            || length != HMACSHA256.HashSizeInBytes || !Base64Url.TryDecodeFromChars(signature, given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return MediaSignatureStatus.Invalid;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(mediaId, expiresAtUnixSeconds, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, given[..written]))
        {
            return MediaSignatureStatus.Invalid;
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() >= expiresAtUnixSeconds ? MediaSignatureStatus.Expired : MediaSignatureStatus.Valid;
    }

    private void Compute(string mediaId, long expires, Span<byte> destination)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"gagent-media\n{mediaId}\n{expires}"));
        HMACSHA256.HashData(_key.Value, payload, destination);
    }

    private byte[] LoadOrCreateKey()
    {
        if (TryRead() is { } existing)
        {
            return existing;
        }

        var directory = Path.GetDirectoryName(_keyPath)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var key = RandomNumberGenerator.GetBytes(KeySize);
        var temp = Path.Join(directory, $".{KeyFileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(key);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // Without overwrite, a key another process created first wins and both use it.
            File.Move(temp, _keyPath, overwrite: false);
            _logger.SigningKeyCreated(_keyPath);
            return key;
        }
        catch (IOException) when (File.Exists(_keyPath))
        {
            File.Delete(temp);
            return TryRead() ?? throw CorruptKey();
        }
    }

    private byte[]? TryRead()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_keyPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return bytes.Length == KeySize ? bytes : throw CorruptKey();
    }

    private InvalidOperationException CorruptKey() =>
        new($"The media signing key '{_keyPath}' is not {KeySize} bytes long. Delete it to generate a new one (links signed with the old key stop working).");
}
