using Microsoft.Diagnostics.NETCore.Client;

namespace Payguru.Bench.Common;

/// <summary>
/// How many methods the JIT has compiled in the benchmark's own process and in the .NET services it measures (the
/// runtime's <c>System.Runtime</c> meter, <c>dotnet.jit.compiled_methods</c>, read over EventPipe). Processes that
/// are not .NET (RabbitMQ) run no JIT and are passed over.
/// </summary>
public sealed class CompiledMethods : IAsyncDisposable
{
    const string Meter = "System.Runtime";
    const string Instrument = "dotnet.jit.compiled_methods";
    static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    readonly IReadOnlyList<(string Name, ProcessCounter? Counter)> _processes;

    CompiledMethods(IReadOnlyList<(string Name, ProcessCounter? Counter)> processes) => _processes = processes;

    /// <summary>Starts reading the processes' counts; the benchmark's own is read in process, as "client".</summary>
    public static CompiledMethods Start(IEnumerable<(string Name, int Pid)> processes)
    {
        // A .NET process publishes a diagnostics socket; one that does not has no JIT to wait for.
        var dotnet = DiagnosticsClient.GetPublishedProcesses().ToHashSet();
        return new([("client", null), .. processes.Where(p => dotnet.Contains(p.Pid))
            .Select(p => (p.Name, (ProcessCounter?)ProcessCounter.Start(p.Pid, Meter, Instrument)))]);
    }

    /// <summary>Each process's count as it publishes it next; null for one that published none in time.</summary>
    public async Task<IReadOnlyList<(string Name, long? Count)>> ReadAsync()
    {
        var counts = await Task.WhenAll(_processes.Select(async p => p.Counter is null
            ? System.Runtime.JitInfo.GetCompiledMethodCount()
            : (long?)await p.Counter.NextAsync(ReadTimeout)));
        return _processes.Select((p, i) => (p.Name, counts[i])).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, counter) in _processes)
        {
            if (counter is not null)
            {
                await counter.DisposeAsync();
            }
        }
    }
}
