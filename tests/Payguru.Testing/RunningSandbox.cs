namespace Payguru.Testing;

/// <summary>
/// The built sandbox running as a real process (<c>dotnet Payguru.Sandbox.dll --urls …</c>, as ./run.sh starts it,
/// through <see cref="ServiceProcess.StartSandbox"/>) and the URL it answers on. Disposing kills it.
/// </summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    RunningSandbox(ServiceProcess process, string url)
    {
        Process = process;
        Url = url;
    }

    /// <summary>How long a test waits for something the sandbox does on its own: a log line, a callback, a counter.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    /// <summary>The process, with its output kept line by line.</summary>
    public ServiceProcess Process { get; }

    public string Url { get; }

    /// <summary>
    /// Starts the sandbox with <paramref name="arguments"/> (by default <c>--urls</c> on a free port) and
    /// <paramref name="environment"/>, and waits until it answers.
    /// </summary>
    public static async Task<RunningSandbox> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? arguments = null, string? url = null)
    {
        url ??= FreePort.NextHttpUrl();
        var sandbox = Start(environment, arguments ?? ["--urls", url], url);
        try
        {
            await sandbox.WaitUntilAnswersAsync();
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process without waiting for it (for tests of start-up failures).</summary>
    public static RunningSandbox Start(IReadOnlyDictionary<string, string?>? environment, IReadOnlyList<string> arguments, string url)
    {
        // Not the repository as working directory: nothing the sandbox might write lands there.
        var process = ServiceProcess.StartSandbox(environment ?? new Dictionary<string, string?>(), Path.GetTempPath(), arguments: arguments);
        return new RunningSandbox(process, url);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    async Task WaitUntilAnswersAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Poll.WaitUntilAsync(
                async cancellationToken =>
                {
                    if (Process.HasExited)
                    {
                        var exitCode = await Process.WaitForExitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                        throw new InvalidOperationException($"The sandbox exited with {exitCode} during start-up:\n{Process.FormatOutput()}");
                    }

                    return await AnswersAsync(http, cancellationToken);
                },
                StartTimeout,
                $"the sandbox to answer on {Url}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n--- {Process} output ---\n{Process.FormatOutput()}", e);
        }
    }

    async Task<bool> AnswersAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"{Url}/_sandbox/stats", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet.
            return false;
        }
    }
}
