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

    public FileSkillStore(string directory, int maxSkillChars, TimeProvider time, ILogger<FileSkillStore>? logger = null)
        : base(maxSkillChars, time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileSkillStore>.Instance;
    }

    protected override async ValueTask<IReadOnlyList<(string Id, string Content, DateTimeOffset UpdatedAt)>> LoadAllAsync(CancellationToken cancellationToken)
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

    protected override async ValueTask<(string Content, DateTimeOffset UpdatedAt)?> LoadAsync(string skillId, CancellationToken cancellationToken)
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
        _logger.SkillDeleted(skillId);
        return ValueTask.FromResult(true);
    }

    protected override async ValueTask<IReadOnlySet<string>> LoadDisabledAsync(CancellationToken cancellationToken)
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
        => await AtomicFile.WriteAsync(
            Path.Join(_directory, StateFileName),
            JsonSerializer.SerializeToUtf8Bytes(new SkillStateRecord([.. disabled.Order(StringComparer.Ordinal)]), SkillJsonContext.Default.SkillStateRecord),
            cancellationToken).ConfigureAwait(false);

    protected override void OnInvalid(string skillId, InvalidSkillException exception) => _logger.SkillInvalid(skillId, exception.Message);

    private string PathOf(string skillId) => Path.Join(_directory, skillId, SkillFileName);
}
