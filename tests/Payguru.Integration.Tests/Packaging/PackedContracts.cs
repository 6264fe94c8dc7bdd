using System.IO.Compression;
using System.Xml.Linq;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// Runs <c>dotnet pack contracts/Payguru.Contracts -c Release</c> once for the tests of a class, as the README tells a
/// user to. Build output and package go to a temp folder (<c>--artifacts-path</c>), so the pack neither reads nor
/// overwrites the repository's bin/ and obj/ that concurrent builds use.
/// </summary>
public sealed class PackedContracts : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new("payguru-pack");

    public static string ProjectPath => Path.Combine(RepoPaths.Root, "contracts", "Payguru.Contracts", "Payguru.Contracts.csproj");

    /// <summary>The &lt;Version&gt; in the contracts project.</summary>
    public string Version { get; } =
        XDocument.Load(ProjectPath).Descendants("Version").Single().Value.Trim();

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

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
