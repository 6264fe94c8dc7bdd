using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Infrastructure;

/// <summary>
/// The pass lines of the processor's periodic jobs ("RefundSweeper pass 12 done; next in …", written at Debug
/// once the next pass is scheduled), counted per job as an in-process processor writes them. A test waits for
/// passes after the point it checks instead of sleeping: the second pass that ends after a point began after it
/// (docs/testing.md).
/// </summary>
public sealed partial class JobPasses : ILoggerProvider
{
    readonly ConcurrentDictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>Gets the processor's Debug lines (only the pass lines are kept).</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(this).AddFilter<JobPasses>("Payguru.RefundProcessor", LogLevel.Debug));

    /// <summary>The number of the last pass of <paramref name="job"/> (its class name: RefundSweeper) that ended; 0 before the first.</summary>
    public long Last(string job) => _last.GetValueOrDefault(job);

    /// <summary>Waits until pass <paramref name="pass"/> of <paramref name="job"/> has ended.</summary>
    public Task WaitForAsync(string job, long pass, TimeSpan? timeout = null) =>
        Poll.WaitUntilAsync(() => Last(job) >= pass, timeout ?? TimeSpan.FromSeconds(20), $"pass {pass} of {job}", TimeSpan.FromMilliseconds(10));

    public ILogger CreateLogger(string categoryName) => new PassLogger(this);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"^(?<job>\w+) pass (?<pass>\d+) done; next in ")]
    private static partial Regex PassLine();

    sealed class PassLogger(JobPasses passes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Debug && PassLine().Match(formatter(state, exception)) is { Success: true } line)
            {
                var pass = long.Parse(line.Groups["pass"].Value, System.Globalization.CultureInfo.InvariantCulture);
                passes._last.AddOrUpdate(line.Groups["job"].Value, pass, (_, last) => Math.Max(last, pass));
            }
        }
    }
}
