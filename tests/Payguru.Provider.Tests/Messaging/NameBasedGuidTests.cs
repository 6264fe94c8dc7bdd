using Payguru.Contracts.Ids;

namespace Payguru.Provider.Tests.Messaging;

public class NameBasedGuidTests
{
    /// <summary>The DNS namespace of RFC 4122 / RFC 9562.</summary>
    static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Matches_the_rfc_vector_for_www_example_com()
    {
        var id = NameBasedGuid.Create(DnsNamespace, "www.example.com");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }

    [Fact]
    public void Is_deterministic()
    {
        var first = NameBasedGuid.Create(DnsNamespace, "payment:28120:3");
        var second = NameBasedGuid.Create(DnsNamespace, "payment:28120:3");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Differs_by_name_and_by_namespace()
    {
        var otherNamespace = new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"); // the RFC's URL namespace

        var id = NameBasedGuid.Create(DnsNamespace, "www.example.com");

        Assert.NotEqual(id, NameBasedGuid.Create(DnsNamespace, "www.example.org"));
        Assert.NotEqual(id, NameBasedGuid.Create(otherNamespace, "www.example.com"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("www.example.com")]
    [InlineData("payment:28120:3")]
    [InlineData("SİPARİŞ-1")]
    public void Is_version_5_with_the_rfc_variant(string name)
    {
        var bytes = NameBasedGuid.Create(DnsNamespace, name).ToByteArray(bigEndian: true);

        Assert.Equal(5, bytes[6] >> 4);
        Assert.Equal(0b10, bytes[8] >> 6);
    }
}
