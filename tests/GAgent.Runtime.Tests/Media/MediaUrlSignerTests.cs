using GAgent.Media;
using GAgent.Runtime.Tests.Sessions;

namespace GAgent.Runtime.Tests.Media;

public sealed class MediaUrlSignerTests : IDisposable
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly string _root = Path.Join(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void A_fresh_signature_is_valid_and_expires()
    {
        var signer = new MediaUrlSigner(_root, _time);
        var signature = signer.Sign(Id, Now + 60);
        Assert.Equal(MediaSignatureStatus.Valid, signer.Verify(Id, Now + 60, signature));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(MediaSignatureStatus.Expired, signer.Verify(Id, Now - 1, signature));
    }

    [Fact]
    public void Tampered_id_expiry_or_signature_is_invalid()
    {
        var signer = new MediaUrlSigner(_root, _time);
        var signature = signer.Sign(Id, Now + 60);
        Assert.Equal(MediaSignatureStatus.Invalid, signer.Verify(Id, Now + 61, signature));
        Assert.Equal(MediaSignatureStatus.Invalid, signer.Verify(Id.Replace('0', '1'), Now + 60, signature));
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        Assert.Equal(MediaSignatureStatus.Invalid, signer.Verify(Id, Now + 60, flipped));
        Assert.Equal(MediaSignatureStatus.Invalid, signer.Verify(Id, Now + 60, null));
        Assert.Equal(MediaSignatureStatus.Invalid, signer.Verify(Id, Now + 60, "not base64!"));
    }

    [Fact]
    public void The_key_survives_a_new_signer_over_the_same_directory()
    {
        var signature = new MediaUrlSigner(_root, _time).Sign(Id, Now + 60);
        Assert.Equal(MediaSignatureStatus.Valid, new MediaUrlSigner(_root, _time).Verify(Id, Now + 60, signature));
        Assert.Equal(MediaSignatureStatus.Invalid, new MediaUrlSigner(Path.Join(_root, "other"), _time).Verify(Id, Now + 60, signature));
        var key = Path.Join(_root, MediaUrlSigner.KeyFileName);
        Assert.Equal(32, new FileInfo(key).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void The_query_carries_expiry_and_signature()
    {
        var signer = new MediaUrlSigner(_root, _time);
        var query = signer.CreateQuery(Id, TimeSpan.FromHours(1));
        var parts = System.Web.HttpUtility.ParseQueryString(query);
        Assert.Equal(Now + 3600, long.Parse(parts["exp"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(MediaSignatureStatus.Valid, signer.Verify(Id, Now + 3600, parts["sig"]));
    }
}
