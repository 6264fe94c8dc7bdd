using System.Diagnostics;
using System.Globalization;

namespace Payguru.Bench.Chaos;

/// <summary>
/// A service (sandbox, gateway, processor) run from its built dll as a real process: its output appended to
/// NAME.log and its pid to pids/NAME in the work folder, so ../chaos.sh can stop it whatever happens here. It can be
/// killed with SIGKILL, as a crash would, and started again with the same settings.
/// </summary>
public sealed class ChaosProcess : IDisposable
{
    readonly string _dll;
    readonly IReadOnlyList<string> _arguments;
    readonly IReadOnlyDictionary<string, string> _environment;
    readonly string _work;
    Process? _process;

    public ChaosProcess(string name, string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string work)
    {
        Name = name;
        _dll = dll;
        _arguments = arguments;
        _environment = environment;
        _work = work;
    }

    public string Name { get; }

    public string LogPath => Path.Combine(_work, Name + ".log");

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        // exec: the pid is the service's own, not a shell's.
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = _work, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("log=\"$1\"; shift; exec dotnet \"$@\" >>\"$log\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(LogPath);
        start.ArgumentList.Add(_dll);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Name}");
        Directory.CreateDirectory(Path.Combine(_work, "pids"));
        File.WriteAllText(Path.Combine(_work, "pids", Name), _process.Id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>SIGKILL: no shutdown, no broker close, no outbox flush.</summary>
    public void Crash()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    /// <summary>TERM and a grace period, so the service closes its broker connection; KILL after it.</summary>
    public void Stop()
    {
        if (_process is not { HasExited: false })
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit();
        }

        if (!_process.WaitForExit(15_000))
        {
            Crash();
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
    }
}
