using System.Reflection;
using System.Runtime.Versioning;

namespace Payguru.Testing;

/// <summary>Where the repository and the built services and tools are, seen from the running test binaries.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries with the solution or global.json.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>
    /// Debug or Release, as this assembly was built: with the test project that references it, whose ProjectReferences
    /// build the services and tools it starts with the same configuration, so their dlls are the fresh ones.
    /// </summary>
    public static string Configuration { get; } = FindConfiguration();

    /// <summary>The target framework folder name of this assembly (net10.0), shared by the services and tools.</summary>
    public static string TargetFramework { get; } = FindTargetFramework();

    public static string GatewayDll => ServiceDll("Gateway", "Payguru.Gateway");

    public static string RefundProcessorDll => ServiceDll("RefundProcessor", "Payguru.RefundProcessor");

    /// <summary>tools/Payguru.Sandbox/bin/&lt;Configuration&gt;/&lt;tfm&gt;/Payguru.Sandbox.dll under the root.</summary>
    public static string SandboxDll => ToolDll("Payguru.Sandbox", "Payguru.Sandbox");

    /// <summary>services/&lt;folder&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;assembly&gt;.dll under the root.</summary>
    public static string ServiceDll(string serviceFolder, string assemblyName) => BuiltDll("services", serviceFolder, assemblyName);

    /// <summary>tools/&lt;folder&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;assembly&gt;.dll under the root.</summary>
    public static string ToolDll(string toolFolder, string assemblyName) => BuiltDll("tools", toolFolder, assemblyName);

    private static string BuiltDll(string area, string projectFolder, string assemblyName) =>
        Path.Combine(Root, area, projectFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            // .NET 10's `dotnet new sln` writes .slnx, so accept either form.
            if (File.Exists(Path.Combine(dir.FullName, "Payguru.Bus.sln"))
                || File.Exists(Path.Combine(dir.FullName, "Payguru.Bus.slnx"))
                || File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Payguru.Bus.sln or global.json above {AppContext.BaseDirectory}; the tests must run from the repository's build output.");
    }

    private static string FindConfiguration()
    {
        var fromAttribute = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (!string.IsNullOrEmpty(fromAttribute))
        {
            return fromAttribute;
        }

        // Fallback: bin/<Configuration>/<tfm>/ is the standard output layout.
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory);
        return tfmDir.Parent?.Name ?? "Debug";
    }

    private static string FindTargetFramework()
    {
        var name = typeof(RepoPaths).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        if (name is not null)
        {
            var version = new FrameworkName(name).Version;
            return $"net{version.Major}.{version.Minor}";
        }

        return new DirectoryInfo(AppContext.BaseDirectory).Name;
    }
}
