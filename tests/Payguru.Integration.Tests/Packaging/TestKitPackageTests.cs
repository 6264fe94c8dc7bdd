using System.Xml.Linq;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// <c>dotnet pack contracts/Payguru.Contracts.Testing</c> gives the test kit services reference from their test projects:
/// its dll, docs and readme, depending on the contracts and MassTransit only.
/// </summary>
public sealed class TestKitPackageTests(PackedTestKit packed) : IClassFixture<PackedTestKit>
{
    private const string Dll = "lib/net10.0/Payguru.Contracts.Testing.dll";

    [Fact]
    public void Pack_writes_one_package_with_the_dll_its_xml_docs_and_the_readme()
    {
        using var package = packed.OpenPackage();
        var entries = package.Entries.Select(entry => entry.FullName).ToList();

        Assert.Equal($"Payguru.Contracts.Testing.{packed.Version}.nupkg", Path.GetFileName(packed.Packages[0]));
        Assert.DoesNotContain("warning", packed.PackOutput, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Dll, entries);
        Assert.Contains("README.md", entries);
        using var docs = package.GetEntry("lib/net10.0/Payguru.Contracts.Testing.xml")!.Open();
        var members = XDocument.Load(docs).Descendants("member").Select(member => (string?)member.Attribute("name")).ToList();
        Assert.Contains("T:Payguru.Contracts.Testing.PayguruStandIn", members);
        Assert.Contains("T:Payguru.Contracts.Testing.Events.GatewayEvents", members);
        Assert.Contains("M:Payguru.Contracts.Testing.PayguruStandInRegistration.AddPayguruStandIns(MassTransit.IBusRegistrationConfigurator,System.Action{Payguru.Contracts.Testing.PayguruStandInOptions})", members);
    }

    [Fact]
    public void Nuspec_depends_on_the_contracts_and_MassTransit_only()
    {
        using var package = packed.OpenPackage();
        var nuspecEntry = Assert.Single(package.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");

        string? Field(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;
        Assert.Equal("Payguru.Contracts.Testing", Field("id"));
        Assert.Equal("README.md", Field("readme"));
        var dependencies = Dependencies(metadata);
        Assert.Equal(new PackedContracts().Version, dependencies["Payguru.Contracts"]);
        var pinned = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(element => (string?)element.Attribute("Include") == "MassTransit").Attribute("Version")!.Value;
        Assert.Equal(pinned, dependencies["MassTransit"]);

        // Central transitive pinning (Directory.Packages.props) lists a dependency of MassTransit whose version it lifts
        // (Microsoft.Extensions.Options) as the kit's own; anything else would be a dependency the kit added.
        var massTransit = Dependencies(XDocument.Load(Path.Combine(GlobalPackages, "masstransit", pinned, "masstransit.nuspec")).Root!
            .Elements().Single(element => element.Name.LocalName == "metadata").Descendants()
            .Single(element => element.Name.LocalName == "group" && (string?)element.Attribute("targetFramework") == "net10.0"));
        Assert.All(dependencies.Keys.Except(["Payguru.Contracts", "MassTransit"]), id => Assert.True(massTransit.ContainsKey(id),
            $"Payguru.Contracts.Testing depends on {id}, which is not one of MassTransit's dependencies"));
    }

    static string GlobalPackages => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    static Dictionary<string, string?> Dependencies(XElement within) =>
        within.Descendants().Where(element => element.Name.LocalName == "dependency")
            .ToDictionary(element => (string)element.Attribute("id")!, element => (string?)element.Attribute("version"), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Dll_references_the_framework_the_contracts_and_MassTransit_only()
    {
        var (references, publicTypes) = packed.ReadAssembly(Dll);

        Assert.Contains("Payguru.Contracts", references);
        Assert.Contains("MassTransit", references);
        // MassTransit's own abstractions and the DI abstractions it brings are MassTransit's dependencies, not ours.
        Assert.All(references, name => Assert.True(
            name is "System" or "netstandard" or "Payguru.Contracts" or "MassTransit" or "MassTransit.Abstractions"
                or "Microsoft.Extensions.DependencyInjection.Abstractions" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Payguru.Contracts.Testing.dll references {name}"));
        Assert.Contains("Payguru.Contracts.Testing.PayguruStandIn", publicTypes);
        Assert.Contains("Payguru.Contracts.Testing.Consumers.RequestRefundStandIn", publicTypes);
    }
}
