using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GAgent.Runtime.Tests.Sessions;

/// <summary>Collects log entries so tests can assert that recovery paths warn.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception)));

    public bool Has(LogLevel level, int eventId) => Entries.Any(e => e.Level == level && e.EventId.Id == eventId);
}
