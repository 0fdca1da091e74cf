using System.Text.Json;
using GAgent.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GAgent.Learning;

/// <summary>
/// The default learning store: one JSON file per candidate (<c>{id}.json</c>), each written atomically, read once at
/// first use and kept in memory after. A file that cannot be read is logged and left out rather than failing the queue.
/// </summary>
internal sealed class FileLearningStore : LearningStoreBase
{
    private const string Extension = ".json";
    private readonly string _directory;
    private readonly ILogger _logger;

    public FileLearningStore(string directory, TimeProvider time, ILogger<FileLearningStore>? logger = null)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
        _logger = logger ?? (ILogger)NullLogger<FileLearningStore>.Instance;
    }

    protected override async ValueTask<IReadOnlyList<LearningCandidate>> LoadAllAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        var candidates = new List<LearningCandidate>();
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (!LearningIds.IsValid(id))
            {
                continue;
            }

            var bytes = await AtomicFile.TryReadBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            try
            {
                var candidate = JsonSerializer.Deserialize(bytes, LearningJsonContext.Default.LearningCandidate);
                if (candidate is null || candidate.Id != id)
                {
                    _logger.CandidateFileUnreadable(id + Extension, null);
                    continue;
                }

                LearningValidation.Validate(candidate);
                candidates.Add(candidate);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                _logger.CandidateFileUnreadable(id + Extension, ex);
            }
        }

        return candidates;
    }

    protected override async ValueTask SaveAsync(LearningCandidate candidate, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(Path.Join(_directory, candidate.Id + Extension), JsonSerializer.SerializeToUtf8Bytes(candidate, LearningJsonContext.Default.LearningCandidate), cancellationToken).ConfigureAwait(false);
        _logger.CandidateSaved(candidate.Id, candidate.Version);
    }
}
