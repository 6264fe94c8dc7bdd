using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// Runs <c>dotnet pack contracts/&lt;project&gt; -c Release</c> once for the tests of a class, as the README tells a
/// user to. Build output and package go to a temp folder (<c>--artifacts-path</c>), so the pack neither reads nor
/// overwrites the repository's bin/ and obj/ that concurrent builds use.
/// </summary>
public abstract class PackedProject(string project) : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new("payguru-pack");

    public string ProjectPath { get; } = Path.Combine(RepoPaths.Root, "contracts", project, $"{project}.csproj");

    /// <summary>The &lt;Version&gt; in the project.</summary>
    public string Version => XDocument.Load(ProjectPath).Descendants("Version").Single().Value.Trim();

    public string OutputDirectory => _directory.File("nupkgs");

    public int ExitCode { get; private set; }

    public string PackOutput { get; private set; } = "";

    /// <summary>The .nupkg files the pack wrote into <see cref="OutputDirectory"/>.</summary>
    public IReadOnlyList<string> Packages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // No build servers: a compiler server or MSBuild node left running would keep the output pipes open.
        await using var pack = ServiceProcess.Start(
            ServiceProcess.DotnetHost,
            ["pack", ProjectPath, "-c", "Release", "-o", OutputDirectory, "--artifacts-path", _directory.File("artifacts"),
                "--disable-build-servers", "-nologo"],
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            RepoPaths.Root,
            name: "dotnet pack");
        ExitCode = await pack.WaitForExitAsync(PackTimeout);
        PackOutput = pack.FormatOutput();
        Packages = Directory.Exists(OutputDirectory) ? Directory.GetFiles(OutputDirectory, "*.nupkg") : [];
    }

    /// <summary>Opens the one package; fails with the pack's output when there is not exactly one.</summary>
    public ZipArchive OpenPackage()
    {
        Assert.True(ExitCode == 0, $"dotnet pack exited with {ExitCode}:\n{PackOutput}");
        Assert.True(Packages.Count == 1, $"expected one .nupkg in {OutputDirectory}, found {Packages.Count}:\n{PackOutput}");
        return ZipFile.OpenRead(Packages[0]);
    }

    /// <summary>The assembly names the package's <paramref name="dll"/> references, and its public types (namespace.name).</summary>
    public (IReadOnlyList<string> References, IReadOnlySet<string> PublicTypes) ReadAssembly(string dll)
    {
        using var package = OpenPackage();
        using var bytes = new MemoryStream();
        using (var entry = package.GetEntry(dll)!.Open())
        {
            entry.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
        var publicTypes = metadata.TypeDefinitions.Select(metadata.GetTypeDefinition)
            .Where(type => (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .ToHashSet();
        return (references, publicTypes);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
