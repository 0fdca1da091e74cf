using System.Text.Json;
using GAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Skills;

/// <summary>
/// The default skill store: one folder per skill (<c>{id}/SKILL.md</c>, other files in the folder are the skill's
/// own and are kept), and <c>skills.json</c> with the disabled ids (a name no skill id can have). Folders added by hand
/// are picked up; a SKILL.md that does not parse is logged and left out.
/// </summary>
internal sealed class FileSkillStore : SkillStoreBase
{
    private const string SkillFileName = "SKILL.md";
    private const string StateFileName = "skills.json";
    private readonly string _directory;
    private readonly ILogger _logger;

    // Every run lists the enabled skills for its prompt: served from caches that every write clears.
    private readonly FileReadCache<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> _all;
    private readonly FileReadCache<(string Content, DateTimeOffset UpdatedAt)?> _skills;
    private readonly FileReadCache<IReadOnlySet<string>> _disabled;

    public FileSkillStore(string directory, int maxSkillChars, TimeProvider time, ILogger<FileSkillStore>? logger = null)
        : base(maxSkillChars, time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileSkillStore>.Instance;
        _all = new(time);
        _skills = new(time);
        _disabled = new(time);
    }

    protected override ValueTask<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> LoadAllAsync(CancellationToken cancellationToken)
        => _all.GetOrLoadAsync(string.Empty, ReadAllAsync, cancellationToken);

    protected override ValueTask<(string Content, DateTimeOffset UpdatedAt)?> LoadAsync(string skillId, CancellationToken cancellationToken)
        => _skills.GetOrLoadAsync(skillId, ct => ReadAsync(skillId, ct), cancellationToken);

    protected override ValueTask<IReadOnlySet<string>> LoadDisabledAsync(CancellationToken cancellationToken)
        => _disabled.GetOrLoadAsync(StateFileName, ReadDisabledAsync, cancellationToken);

    private async ValueTask<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var skills = new List<(string Id, string Content, DateTimeOffset UpdatedAt)>();
        foreach (var folder in Directory.EnumerateDirectories(_directory))
        {
            var id = Path.GetFileName(folder);
            if (SkillIds.IsValid(id) && await LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } found)
            {
                skills.Add((id, found.Content, found.UpdatedAt));
            }
        }

        return skills;
    }

    private async ValueTask<(string Content, DateTimeOffset UpdatedAt)?> ReadAsync(string skillId, CancellationToken cancellationToken)
    {
        var path = PathOf(skillId);
        var content = await AtomicFile.TryReadTextAsync(path, cancellationToken).ConfigureAwait(false);
        return content is null ? null : (content, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
    }

    protected override async ValueTask SaveAsync(string skillId, string content, DateTimeOffset updatedAt, CancellationToken cancellationToken)
    {
        var path = PathOf(skillId);
        await AtomicFile.WriteTextAsync(path, content, cancellationToken).ConfigureAwait(false);
        File.SetLastWriteTimeUtc(path, updatedAt.UtcDateTime);
        Invalidate();
        _logger.SkillSaved(skillId);
    }

    protected override ValueTask<bool> RemoveAsync(string skillId, CancellationToken cancellationToken)
    {
        var folder = Path.Join(_directory, skillId);
        if (!File.Exists(Path.Join(folder, SkillFileName)))
        {
            return ValueTask.FromResult(false);
        }

        Directory.Delete(folder, recursive: true);
        Invalidate();
        _logger.SkillDeleted(skillId);
        return ValueTask.FromResult(true);
    }

    private async ValueTask<IReadOnlySet<string>> ReadDisabledAsync(CancellationToken cancellationToken)
    {
        var bytes = await AtomicFile.TryReadBytesAsync(Path.Join(_directory, StateFileName), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        try
        {
            var state = JsonSerializer.Deserialize(bytes, SkillJsonContext.Default.SkillStateRecord);
            return new HashSet<string>(state?.Disabled ?? [], StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            _logger.SkillStateUnreadable(StateFileName, ex);
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    protected override async ValueTask SaveDisabledAsync(IReadOnlySet<string> disabled, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(
            Path.Join(_directory, StateFileName),
            JsonSerializer.SerializeToUtf8Bytes(new SkillStateRecord([.. disabled.Order(StringComparer.Ordinal)]), SkillJsonContext.Default.SkillStateRecord),
            cancellationToken).ConfigureAwait(false);
        Invalidate();
    }

    protected override void OnInvalid(string skillId, InvalidSkillException exception) => _logger.SkillInvalid(skillId, exception.Message);

    private void Invalidate()
    {
        _all.Invalidate();
        _skills.Invalidate();
        _disabled.Invalidate();
    }

    private string PathOf(string skillId) => Path.Join(_directory, skillId, SkillFileName);
}
