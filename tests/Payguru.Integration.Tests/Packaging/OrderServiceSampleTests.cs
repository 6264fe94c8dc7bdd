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

    [Fact]
    public void Sample_tests_use_only_the_sample_the_test_kit_MassTransit_and_xunit()
    {
        var testsDirectory = Path.Combine(RepoPaths.Root, "tests", "OrderService.Tests");
        var project = XDocument.Load(Path.Combine(testsDirectory, "OrderService.Tests.csproj"));

        var projectReferences = Includes(project, "ProjectReference")
            .Select(include => Path.GetFullPath(Path.Combine(testsDirectory, include.Replace('\\', Path.DirectorySeparatorChar))))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                Path.Combine(RepoPaths.Root, "contracts", "Payguru.Contracts.Testing", "Payguru.Contracts.Testing.csproj"),
                Path.Combine(SampleDirectory, "OrderService.csproj"),
            ],
            projectReferences);
        Assert.Equal(["MassTransit", "Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio"], Includes(project, "PackageReference").Order(StringComparer.Ordinal));
    }

    private static XDocument LoadProject() => XDocument.Load(Path.Combine(SampleDirectory, "OrderService.csproj"));

    private static IEnumerable<string> Includes(XDocument project, string itemName) =>
        project.Descendants(itemName).Select(item => (string?)item.Attribute("Include") ?? (string?)item.Attribute("Update") ?? "");
}
