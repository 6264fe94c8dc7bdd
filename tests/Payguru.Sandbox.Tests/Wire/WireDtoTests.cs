using System.Text.Json;
using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Refunds;

namespace Payguru.Sandbox.Tests.Wire;

/// <summary>
/// A wire type of libs/Payguru.Provider checked against the seed sample's field list the sandbox's refund tests hold
/// (<see cref="RefundGetTests.SampleFields"/>); the other wire type tests are in Payguru.Provider.Tests.
/// </summary>
public sealed class WireDtoTests
{
    [Fact]
    public void A_refund_writes_every_field_of_the_seed_sample_in_its_order()
    {
        var json = JsonSerializer.Serialize(new RefundDetail { Id = 13, Amount = "0.50" });

        using var document = JsonDocument.Parse(json);
        Assert.Equal(RefundGetTests.SampleFields, document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
