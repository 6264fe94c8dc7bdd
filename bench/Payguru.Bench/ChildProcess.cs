using System.Diagnostics;
using System.Globalization;

namespace Payguru.Bench;

/// <summary>
/// A service the bench starts as a real process (<c>dotnet DLL ARGS</c>), its output in NAME.log and its pid in
/// NAME.pid in the work directory, so that notifications.sh stops it and shows its log whatever happens here.
/// It inherits the script's environment (Development, the services' vhost) with <c>environment</c> on top.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    readonly Process _process;

    ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(
        string name, string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workDirectory)
    {
        var log = Path.Combine(workDirectory, name + ".log");
        // exec: the pid is the service's own, not a shell's.
        var start = new ProcessStartInfo("/bin/sh", ["-c", "log=\"$0\"; exec dotnet \"$@\" >>\"$log\" 2>&1", log, dll, .. arguments])
        {
            WorkingDirectory = workDirectory,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        File.WriteAllText(Path.Combine(workDirectory, name + ".pid"), process.Id.ToString(CultureInfo.InvariantCulture));
        return new ChildProcess(name, process);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // TERM first, so that it closes its broker connection; KILL if it hangs.
            Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }

        _process.Dispose();
    }
}
