using System.Reflection;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>Where the repository and the built sandbox are, seen from the test binaries.</summary>
public static class RepoPaths
{
    static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Debug or Release, as this assembly was built; the ProjectReference built the sandbox the same way.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>tools/Payguru.Sandbox/bin/&lt;Configuration&gt;/net10.0/Payguru.Sandbox.dll</summary>
    public static string SandboxDll =>
        Path.Combine(Root, "tools", "Payguru.Sandbox", "bin", Configuration, "net10.0", "Payguru.Sandbox.dll");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payguru.Bus.sln")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Payguru.Bus.sln or global.json above {AppContext.BaseDirectory}.");
    }
}
