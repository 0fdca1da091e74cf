using System.Text.Json;
using GAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Profiles;

/// <summary>
/// The default profile store: one JSON file per profile (<c>{id}.json</c>) and the active profile in
/// <c>.active.json</c> (a name no profile id can have), each written atomically. An unreadable file is logged and
/// treated as missing rather than failing every listing.
/// </summary>
internal sealed class FileProfileStore : ProfileStoreBase
{
    private const string Extension = ".json";
    private const string ActiveFileName = ".active.json";
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly FileReadCache<AgentProfile?> _profiles;
    private readonly FileReadCache<string?> _active;

    public FileProfileStore(string directory, TimeProvider time, ILogger<FileProfileStore>? logger = null)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileProfileStore>.Instance;
        _profiles = new FileReadCache<AgentProfile?>(time);
        _active = new FileReadCache<string?>(time);
    }

    protected override async ValueTask<IReadOnlyList<AgentProfile>> LoadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var profiles = new List<AgentProfile>();
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (ProfileIds.IsValid(id) && await LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return profiles;
    }

    // Every run reads its profile and the active one: served from the cache, written through.
    protected override ValueTask<AgentProfile?> LoadAsync(string profileId, CancellationToken cancellationToken)
        => _profiles.GetOrLoadAsync(profileId, ct => ReadProfileAsync(profileId, ct), cancellationToken);

    protected override ValueTask<string?> LoadActiveAsync(CancellationToken cancellationToken)
        => _active.GetOrLoadAsync(ActiveFileName, ReadActiveAsync, cancellationToken);

    private async ValueTask<AgentProfile?> ReadProfileAsync(string profileId, CancellationToken cancellationToken)
    {
        var bytes = await AtomicFile.TryReadBytesAsync(PathOf(profileId), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var profile = JsonSerializer.Deserialize(bytes, ProfileJsonContext.Default.AgentProfile);
            if (profile is null || profile.Id != profileId)
            {
                _logger.ProfileFileUnreadable(profileId + Extension, null);
                return null;
            }

            ProfileValidation.Validate(profile);
            return profile;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            _logger.ProfileFileUnreadable(profileId + Extension, ex);
            return null;
        }
    }

    protected override async ValueTask SaveAsync(AgentProfile profile, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(PathOf(profile.Id), JsonSerializer.SerializeToUtf8Bytes(profile, ProfileJsonContext.Default.AgentProfile), cancellationToken).ConfigureAwait(false);
        _profiles.Invalidate();
        _logger.ProfileSaved(profile.Id, profile.Version);
    }

    protected override ValueTask<bool> RemoveAsync(string profileId, CancellationToken cancellationToken)
    {
        var path = PathOf(profileId);
        if (!File.Exists(path))
        {
            return ValueTask.FromResult(false);
        }

        File.Delete(path);
        _profiles.Invalidate();
        _logger.ProfileDeleted(profileId);
        return ValueTask.FromResult(true);
    }

    private async ValueTask<string?> ReadActiveAsync(CancellationToken cancellationToken)
    {
        var bytes = await AtomicFile.TryReadBytesAsync(Path.Join(_directory, ActiveFileName), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            var id = JsonSerializer.Deserialize(bytes, ProfileJsonContext.Default.ActiveProfileRecord)?.ProfileId;
            return ProfileIds.IsValid(id) ? id : null;
        }
        catch (JsonException ex)
        {
            _logger.ProfileFileUnreadable(ActiveFileName, ex);
            return null;
        }
    }

    protected override async ValueTask SaveActiveAsync(string profileId, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(Path.Join(_directory, ActiveFileName), JsonSerializer.SerializeToUtf8Bytes(new ActiveProfileRecord(profileId), ProfileJsonContext.Default.ActiveProfileRecord), cancellationToken).ConfigureAwait(false);
        _active.Invalidate();
    }

    private string PathOf(string profileId) => Path.Join(_directory, profileId + Extension);
}
