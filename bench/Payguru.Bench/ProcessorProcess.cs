namespace Payguru.Bench;

/// <summary>
/// Refund processor instances as real processes on one SQLite file and one virtual host: several instances share the
/// database and the queues (docs/architecture.md, invariants 5–7), as the two-instance integration tests start them.
/// Each gets its health endpoints on any free port: not 5081, which a ./run.sh may hold.
/// </summary>
public static class ProcessorProcess
{
    /// <param name="name">The log and pid files' name; instances after the first get "-2", "-3", ….</param>
    /// <param name="quiet">Logging at Warning: the processor logs an Information line per payment, and a baseline logs nothing.</param>
    public static IReadOnlyList<ChildProcess> Start(
        string name, int instances, string dll, string databasePath, string? virtualHost, bool quiet, string workDirectory)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Payguru"] = $"Data Source={databasePath}" };
        if (virtualHost is not null)
        {
            environment["RabbitMq__VirtualHost"] = virtualHost;
        }

        if (quiet)
        {
            environment["Logging__LogLevel__Default"] = "Warning";
        }

        return [.. Enumerable.Range(1, instances).Select(i =>
            ChildProcess.Start(i == 1 ? name : $"{name}-{i}", dll, ["--urls", "http://127.0.0.1:0"], environment, workDirectory))];
    }
}
