using System.Xml.Linq;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// samples/OrderService shows how an internal service uses Payguru.Bus: through the contracts and MassTransit only.
/// A reference to libs/ or services/ would make it show something a real service cannot do.
/// </summary>
public sealed class OrderServiceSampleTests
{
    private static readonly string SampleDirectory = Path.Combine(RepoPaths.Root, "samples", "OrderService");

    private static readonly string[] AllowedPackages = ["Microsoft.Extensions.Hosting"];

    [Fact]
    public void Sample_references_only_the_contracts_project()
    {
        var project = LoadProject();
        var contracts = Path.Combine(RepoPaths.Root, "contracts", "Payguru.Contracts", "Payguru.Contracts.csproj");

        var projectReferences = Includes(project, "ProjectReference")
            .Select(include => Path.GetFullPath(Path.Combine(SampleDirectory, include.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();

        Assert.Equal([contracts], projectReferences);
        Assert.Empty(Includes(project, "Reference"));
    }

    [Fact]
    public void Sample_references_only_MassTransit_and_the_generic_host_packages()
    {
        var packages = Includes(LoadProject(), "PackageReference").ToList();

        Assert.NotEmpty(packages);
        Assert.All(packages, package => Assert.True(
            package == "MassTransit" || package.StartsWith("MassTransit.", StringComparison.Ordinal) || AllowedPackages.Contains(package),
            $"samples/OrderService references package {package}; only MassTransit* and {string.Join(", ", AllowedPackages)} are allowed"));
    }

    [Fact]
    public void Sample_is_built_with_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(RepoPaths.Root, "Payguru.Bus.sln"));

        Assert.Contains(@"samples\OrderService\OrderService.csproj", solution, StringComparison.Ordinal);
    }

    private static XDocument LoadProject() => XDocument.Load(Path.Combine(SampleDirectory, "OrderService.csproj"));

    private static IEnumerable<string> Includes(XDocument project, string itemName) =>
        project.Descendants(itemName).Select(item => (string?)item.Attribute("Include") ?? (string?)item.Attribute("Update") ?? "");
}
