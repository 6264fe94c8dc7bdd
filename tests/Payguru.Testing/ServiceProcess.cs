using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Payguru.Testing;

/// <summary>
/// A real process (normally a built service dll under <c>dotnet</c>) whose stdout and stderr are kept line by line,
/// so tests can wait for a log line and show the log when something fails. Disposing kills the process tree.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    // Settings a developer's shell or CI may export; a test states the configuration it runs with instead.
    private static readonly string[] IsolatedPrefixes =
        ["RabbitMq__", "Payguru__", "ConnectionStrings__", "Gateway__", "Processor__", "RefundProcessor__", "Sandbox__", "Logging__", "Kestrel__",
            // A shell's OpenTelemetry exporter settings would turn telemetry on in every service a test starts.
            "OTEL_"];

    private static readonly string[] IsolatedNames =
    [
        "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "DOTNET_URLS", "URLS",
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS",
    ];

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // Killed when the test host exits, so an aborted run leaves no service behind holding queues or ports.
    private static readonly ConcurrentDictionary<ServiceProcess, byte> Running = new();

    private readonly Process _process;
    private readonly ITestOutputHelper? _testOutput;
    private readonly object _gate = new();
    private readonly List<OutputLine> _lines = [];
    private readonly List<(Func<string, bool> Match, int FromLine, string Description, TaskCompletionSource<OutputLine> Found)> _waiters = [];
    private readonly Task _ended;
    private bool _outputEnded;
    private int? _exitCode;
    private int _disposed;

    static ServiceProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Keys)
            {
                process.Kill();
            }
        };

    private ServiceProcess(Process process, string name, ITestOutputHelper? testOutput)
    {
        _process = process;
        Name = name;
        _testOutput = testOutput;
        Id = process.Id;
        Running[this] = 0;
        var stdout = ReadLinesAsync(process.StandardOutput, isError: false);
        var stderr = ReadLinesAsync(process.StandardError, isError: true);
        _ended = EndAsync(stdout, stderr);
    }

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH from the CLI), else the one on PATH.</summary>
    public static string DotnetHost { get; } = FindDotnetHost();

    public string Name { get; }

    public int Id { get; }

    public bool HasExited => ExitCode is not null;

    /// <summary>Null while running; still known after dispose.</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return _process.HasExited ? _process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return _exitCode;
            }
        }
    }

    /// <summary>A snapshot of every line so far, stdout and stderr interleaved in arrival order.</summary>
    public IReadOnlyList<OutputLine> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The text of every line so far, one per line (no times, no stream marks): for substring assertions.</summary>
    public string OutputText
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _lines.Select(line => line.Text));
            }
        }
    }

    /// <summary>Lines so far; pass it as <c>fromLine</c> to wait only for output that comes after an action.</summary>
    public int OutputLineCount
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    /// <summary>
    /// Runs <c>dotnet services/Gateway/bin/&lt;Configuration&gt;/net10.0/Payguru.Gateway.dll</c>.
    /// <paramref name="testOutput"/>, if given, receives every line live (xunit shows it for failed tests).
    /// </summary>
    public static ServiceProcess StartGateway(
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ITestOutputHelper? testOutput = null,
        IEnumerable<string>? arguments = null) =>
        StartDll(RepoPaths.GatewayDll, environment, workingDirectory, testOutput, arguments, "Gateway");

    /// <summary>Runs <c>dotnet services/RefundProcessor/bin/&lt;Configuration&gt;/net10.0/Payguru.RefundProcessor.dll</c>.</summary>
    public static ServiceProcess StartRefundProcessor(
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ITestOutputHelper? testOutput = null,
        IEnumerable<string>? arguments = null) =>
        StartDll(RepoPaths.RefundProcessorDll, environment, workingDirectory, testOutput, arguments, "RefundProcessor");

    /// <summary>Runs <c>dotnet tools/Payguru.Sandbox/bin/&lt;Configuration&gt;/net10.0/Payguru.Sandbox.dll</c>.</summary>
    public static ServiceProcess StartSandbox(
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ITestOutputHelper? testOutput = null,
        IEnumerable<string>? arguments = null) =>
        StartDll(RepoPaths.SandboxDll, environment, workingDirectory, testOutput, arguments, "Sandbox");

    /// <summary>Runs <c>dotnet &lt;dllPath&gt; arguments...</c>.</summary>
    public static ServiceProcess StartDll(
        string dllPath,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ITestOutputHelper? testOutput = null,
        IEnumerable<string>? arguments = null,
        string? name = null)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException(
                $"{dllPath} is not built. Build the solution with the tests' configuration: dotnet build Payguru.Bus.sln -c {RepoPaths.Configuration}",
                dllPath);
        }

        return Start(DotnetHost, [dllPath, .. arguments ?? []], environment, workingDirectory, testOutput,
            name ?? Path.GetFileNameWithoutExtension(dllPath));
    }

    /// <summary>
    /// Starts any executable. The environment is this process's, minus service settings inherited from the shell
    /// (RabbitMq__*, Payguru__*, Sandbox__*, ConnectionStrings__*, ASPNETCORE_URLS, ...), plus <paramref name="environment"/>
    /// (a null value removes a variable).
    /// </summary>
    public static ServiceProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ITestOutputHelper? testOutput = null,
        string? name = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Not the test host's stdin: a service must never wait on it or steal from it.
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var key in startInfo.Environment.Keys.Where(IsIsolated).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {fileName} in {workingDirectory}: {e.Message}", e);
        }

        return new ServiceProcess(process, name ?? Path.GetFileName(fileName), testOutput);
    }

    /// <summary>Waits for a line containing <paramref name="contains"/> (ordinal) and returns it.</summary>
    public Task<OutputLine> WaitForOutputAsync(
        string contains, TimeSpan timeout, int fromLine = 0, CancellationToken cancellationToken = default) =>
        WaitForOutputAsync(line => line.Contains(contains, StringComparison.Ordinal), $"a line containing \"{contains}\"",
            timeout, fromLine, cancellationToken);

    /// <summary>
    /// Waits for a line (at or after <paramref name="fromLine"/>) that <paramref name="match"/> accepts. Fails at once
    /// if the process exits without writing one, and on timeout; both failures carry the output so far.
    /// </summary>
    public async Task<OutputLine> WaitForOutputAsync(
        Func<string, bool> match,
        string description,
        TimeSpan timeout,
        int fromLine = 0,
        CancellationToken cancellationToken = default)
    {
        (Func<string, bool>, int, string, TaskCompletionSource<OutputLine>) waiter;
        lock (_gate)
        {
            for (var i = Math.Max(fromLine, 0); i < _lines.Count; i++)
            {
                if (match(_lines[i].Text))
                {
                    return _lines[i];
                }
            }

            if (_outputEnded)
            {
                throw new InvalidOperationException(Failure($"{Name} exited with {ExitCode} before writing {description}."));
            }

            waiter = (match, fromLine, description, new TaskCompletionSource<OutputLine>(TaskCreationOptions.RunContinuationsAsynchronously));
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Item4.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(Failure($"{Name} did not write {description} within {timeout.TotalSeconds:0.#} s."));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public bool HasOutput(string contains) => CountOutput(contains) > 0;

    public int CountOutput(string contains)
    {
        lock (_gate)
        {
            return _lines.Count(line => line.Text.Contains(contains, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until the process has exited and its output is read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await _ended.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(Failure($"{Name} did not exit within {timeout.TotalSeconds:0.#} s."));
        }

        return _process.ExitCode;
    }

    /// <summary>
    /// Asks the process to stop the way a host does (SIGTERM: the .NET host runs its graceful shutdown), kills it
    /// after <paramref name="gracePeriod"/>; returns the exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan gracePeriod)
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                Kill();
            }
            else
            {
                await SendTerminateAsync();
            }
        }

        try
        {
            await _ended.WaitAsync(gracePeriod);
        }
        catch (TimeoutException)
        {
            Kill();
            await _ended.WaitAsync(ExitWait);
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process and its children at once (SIGKILL): a crash, no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited, or the Process object is disposed.
        }
    }

    /// <summary>The last <paramref name="maxLines"/> lines, one per line, for failure messages and test output.</summary>
    public string FormatOutput(int maxLines = 300)
    {
        lock (_gate)
        {
            var skipped = Math.Max(0, _lines.Count - maxLines);
            var text = new StringBuilder();
            if (skipped > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"... {skipped} earlier lines not shown ...\n");
            }

            foreach (var line in _lines.Skip(skipped))
            {
                text.Append(line).Append('\n');
            }

            return text.ToString();
        }
    }

    public override string ToString() => $"{Name} (pid {Id})";

    /// <summary>Kills the process tree if it still runs and waits (bounded) for it to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill();
        try
        {
            await _ended.WaitAsync(ExitWait);
        }
        catch (TimeoutException)
        {
            // A grandchild that left the tree can hold the pipes open; the process itself is gone.
        }

        Running.TryRemove(this, out _);
        _process.Dispose();
    }

    private static bool IsIsolated(string name) =>
        IsolatedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || IsolatedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string FindDotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return "dotnet";
    }

    private async Task ReadLinesAsync(StreamReader reader, bool isError)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } text)
            {
                Append(isError, text);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went away with the process.
        }
    }

    private void Append(bool isError, string text)
    {
        OutputLine line;
        lock (_gate)
        {
            line = new OutputLine(_lines.Count, DateTimeOffset.Now, isError, text);
            _lines.Add(line);
            foreach (var (match, fromLine, _, found) in _waiters)
            {
                if (line.Index >= fromLine && match(text))
                {
                    found.TrySetResult(line);
                }
            }
        }

        try
        {
            _testOutput?.WriteLine($"[{Name}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test this helper belonged to has finished; the line is still in Output.
        }
    }

    private async Task EndAsync(Task stdout, Task stderr)
    {
        await Task.WhenAll(stdout, stderr);
        await _process.WaitForExitAsync();
        _exitCode = _process.ExitCode;
        Running.TryRemove(this, out _);
        lock (_gate)
        {
            _outputEnded = true;
            foreach (var (_, _, description, found) in _waiters)
            {
                found.TrySetException(new InvalidOperationException(
                    Failure($"{Name} exited with {_process.ExitCode} before writing {description}.")));
            }
        }
    }

    private async Task SendTerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { "-TERM", Id.ToString(CultureInfo.InvariantCulture) },
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        if (kill is not null)
        {
            await kill.WaitForExitAsync();
        }
    }

    private string Failure(string what) => $"{what}\n--- {Name} (pid {Id}) output ---\n{FormatOutput()}";
}
