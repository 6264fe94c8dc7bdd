using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// The built sandbox running as a real process (<c>dotnet Payguru.Sandbox.dll --urls …</c>), as
/// ./run.sh starts it. Its output is kept for failure messages; disposing kills it.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    // Settings a developer's shell may export; a test states the configuration it runs with instead.
    static readonly string[] Inherited = ["ASPNETCORE_URLS", "URLS", "DOTNET_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    // Killed when the test host exits, so an aborted run leaves no sandbox holding a port.
    static readonly ConcurrentDictionary<SandboxProcess, byte> Running = new();

    readonly Process process;
    readonly ConcurrentQueue<string> output = new();
    readonly Task reading;

    static SandboxProcess() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var sandbox in Running.Keys)
            {
                sandbox.Kill();
            }
        };

    SandboxProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
        Running[this] = 0;
        reading = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    public string Url { get; }

    public bool HasExited => process.HasExited;

    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts the sandbox with <paramref name="arguments"/> (by default <c>--urls</c> on a free port) and
    /// <paramref name="environment"/>, and waits until it answers.
    /// </summary>
    public static async Task<SandboxProcess> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? arguments = null, string? url = null)
    {
        url ??= FreePort.NextHttpUrl();
        var sandbox = Start(environment, arguments ?? ["--urls", url], url);
        try
        {
            await sandbox.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process without waiting for it (for tests of start-up failures).</summary>
    public static SandboxProcess Start(IReadOnlyDictionary<string, string?>? environment, IReadOnlyList<string> arguments, string url)
    {
        if (!File.Exists(RepoPaths.SandboxDll))
        {
            throw new FileNotFoundException(
                $"{RepoPaths.SandboxDll} is not built: dotnet build Payguru.Bus.sln -c {RepoPaths.Configuration}", RepoPaths.SandboxDll);
        }

        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            // Not the repository: nothing the sandbox might write lands there.
            WorkingDirectory = Path.GetTempPath(),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(RepoPaths.SandboxDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in startInfo.Environment.Keys.Where(IsInherited).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start the sandbox: {e.Message}", e);
        }

        return new SandboxProcess(process, url);
    }

    /// <summary>Waits until the log has a line containing <paramref name="text"/> (the console logger writes asynchronously).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => Task.FromResult(Output), output => output.Contains(text, StringComparison.Ordinal), $"\"{text}\" in the sandbox's log", timeout);

    /// <summary>Waits for the process to exit (a start-up failure); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        await reading.WaitAsync(TimeSpan.FromSeconds(5));
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The process is gone; a stuck pipe is not worth failing a test over.
        }

        Running.TryRemove(this, out _);
        process.Dispose();
    }

    async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                await reading.WaitAsync(TimeSpan.FromSeconds(5));
                throw new InvalidOperationException($"The sandbox exited with {process.ExitCode} during start-up:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync($"{Url}/_sandbox/stats");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The sandbox did not answer on {Url} within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited.
        }
    }

    async Task ReadAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                output.Enqueue(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe went with the process.
        }
    }

    static bool IsInherited(string name) =>
        Inherited.Contains(name, StringComparer.OrdinalIgnoreCase) || name.StartsWith("Sandbox__", StringComparison.OrdinalIgnoreCase);

    static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
