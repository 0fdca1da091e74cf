namespace GAgent.Sessions;

/// <summary>The in-memory index entry of one session of the <see cref="FileSessionStore"/>.</summary>
internal sealed class FileSessionEntry(FileSessionSnapshot snapshot)
{
    private FileSessionSnapshot _snapshot = snapshot;

    /// <summary>Serializes writes (append, flush, update, delete); reads do not take it.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string Id => Snapshot.Info.Id;

    public FileSessionSnapshot Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        set => Volatile.Write(ref _snapshot, value);
    }

    public JsonlLineCheckpoints Checkpoints { get; } = new();

    /// <summary>Changed under <see cref="Gate"/>; a writer that waited on a deleted session must not recreate its files.</summary>
    public bool Deleted { get; set; }

    /// <summary>True while the file holds appends that are not fsynced or the sidecar lags behind the snapshot.</summary>
    public bool Dirty { get; set; }
}
