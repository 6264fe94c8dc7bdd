using System.Xml.Linq;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// <c>dotnet pack contracts/Payguru.Contracts</c> gives the package internal services reference: the messages, their
/// docs and a readme, and no dependencies.
/// </summary>
public sealed class ContractsPackageTests(PackedContracts packed) : IClassFixture<PackedContracts>
{
    private const string Dll = "lib/net10.0/Payguru.Contracts.dll";

    [Fact]
    public void Pack_writes_exactly_one_package_named_by_id_and_version()
    {
        using var package = packed.OpenPackage();

        Assert.Equal($"Payguru.Contracts.{packed.Version}.nupkg", Path.GetFileName(packed.Packages[0]));
        Assert.DoesNotContain("warning", packed.PackOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Package_holds_the_dll_its_xml_docs_and_the_readme()
    {
        using var package = packed.OpenPackage();
        var entries = package.Entries.Select(entry => entry.FullName).ToList();

        Assert.Contains(Dll, entries);
        Assert.Contains("lib/net10.0/Payguru.Contracts.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal)
            && !entry.StartsWith("lib/net10.0/Payguru.Contracts.", StringComparison.Ordinal));

        using var docs = package.GetEntry("lib/net10.0/Payguru.Contracts.xml")!.Open();
        var members = XDocument.Load(docs).Descendants("member").Select(member => (string?)member.Attribute("name")).ToList();
        Assert.Contains("T:Payguru.Contracts.Refunds.RequestRefund", members);
        Assert.Contains("T:Payguru.Contracts.Payments.PaymentAccepted", members);
    }

    [Fact]
    public void Nuspec_names_id_version_authors_readme_and_no_dependencies()
    {
        using var package = packed.OpenPackage();
        var nuspecEntry = Assert.Single(package.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");

        string? Field(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;
        Assert.Equal("Payguru.Contracts", Field("id"));
        Assert.Equal(packed.Version, Field("version"));
        Assert.Equal("Payguru.Bus", Field("authors"));
        Assert.Equal("README.md", Field("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));

        // An empty <group targetFramework="net10.0" /> is fine; a <dependency> is not: contracts depend on nothing.
        var dependencies = metadata.Descendants().Where(element => element.Name.LocalName == "dependency")
            .Select(element => (string?)element.Attribute("id")).ToList();
        Assert.Empty(dependencies);
        Assert.DoesNotContain(metadata.Descendants(), element => element.Name.LocalName == "frameworkReference");
    }

    [Fact]
    public void Dll_exposes_the_message_types_and_references_only_the_framework()
    {
        var (references, publicTypes) = packed.ReadAssembly(Dll);
        Assert.Contains("Payguru.Contracts.Refunds.RequestRefund", publicTypes);
        Assert.Contains("Payguru.Contracts.Refunds.RefundSubmitted", publicTypes);
        Assert.Contains("Payguru.Contracts.Refunds.RefundRejected", publicTypes);
        Assert.Contains("Payguru.Contracts.Refunds.RefundSettled", publicTypes);
        Assert.Contains("Payguru.Contracts.Refunds.RefundEndpoints", publicTypes);
        Assert.Contains("Payguru.Contracts.Payments.PaymentAccepted", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.RegisterSubMerchant", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.SubMerchantRegistered", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.SubMerchantRejected", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.IssueClientToken", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.PaywallEndpoints", publicTypes);
        // The rules and ids the processor, the gateway and the test kit share.
        Assert.Contains("Payguru.Contracts.Refunds.RefundRequestRules", publicTypes);
        Assert.Contains("Payguru.Contracts.Identity.IdentityRegistrationRules", publicTypes);
        Assert.Contains("Payguru.Contracts.Paywall.SubMerchantRules", publicTypes);
        Assert.Contains("Payguru.Contracts.Validation.Iban", publicTypes);
        Assert.Contains("Payguru.Contracts.Ids.MessageIds", publicTypes);
        Assert.All(references, name => Assert.True(
            name is "System" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal),
            $"Payguru.Contracts.dll references {name}; contracts may reference the framework only"));
    }
}
