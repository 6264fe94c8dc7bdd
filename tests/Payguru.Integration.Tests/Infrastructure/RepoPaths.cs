using System.Reflection;
using System.Runtime.Versioning;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>Where the repository and the built services are, seen from the running test assembly.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries with the solution or global.json.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>
    /// Debug or Release, as this assembly was built. The ProjectReferences build the services with the same
    /// configuration, so their dlls are the fresh ones.
    /// </summary>
    public static string Configuration { get; } = FindConfiguration();

    /// <summary>The target framework folder name of this assembly (net10.0), shared by the services.</summary>
    public static string TargetFramework { get; } = FindTargetFramework();

    public static string GatewayDll => ServiceDll("Gateway", "Payguru.Gateway");

    public static string RefundProcessorDll => ServiceDll("RefundProcessor", "Payguru.RefundProcessor");

    /// <summary>services/&lt;folder&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;assembly&gt;.dll under the root.</summary>
    public static string ServiceDll(string serviceFolder, string assemblyName) =>
        Path.Combine(Root, "services", serviceFolder, "bin", Configuration, TargetFramework, assemblyName + ".dll");

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
