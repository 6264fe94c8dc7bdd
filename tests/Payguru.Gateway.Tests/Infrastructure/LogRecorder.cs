using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Records every log line the gateway writes (formatted, with its exception), to check what logs never carry.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Lines => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a sink that stores them would store whatever they hold.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            owner._lines.Enqueue((category, logLevel, $"{formatter(state, exception)} {values} {exception}"));
        }
    }
}
