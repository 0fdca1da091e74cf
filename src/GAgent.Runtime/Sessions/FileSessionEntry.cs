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

    /// <summary>True while the JSONL file may hold bytes that are not fsynced (appends, or a repair at load).</summary>
    public bool Unsynced { get; set; }

    /// <summary>
    /// True while the sidecar on disk describes an older state than <see cref="Snapshot"/>. A lagging sidecar still
    /// describes a prefix of the file (its length ends a line and its count is the lines before it), which a load
    /// completes by scanning only the lines after it.
    /// </summary>
    public bool SidecarLags { get; set; }

    /// <summary>
    /// True when the sidecar on disk is not a prefix of the file (missing, longer than the file, or the file shrank);
    /// it is rewritten before any more bytes are appended, so its length can never come to end a line by chance.
    /// </summary>
    public bool SidecarUntrusted { get; set; }

    /// <summary>When the sidecar was last written by this store (the minimum when it was not).</summary>
    public DateTimeOffset SidecarWrittenAt { get; set; } = DateTimeOffset.MinValue;
}
