using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

public class ServiceKeyMatcherTests
{
    static readonly ServiceSecret Other = new("OTHER", "other-key");

    static readonly ServiceSecret[] Services = [ProtocolVectors.Demo, Other];

    static string PaymentNotifyKey(ServiceSecret service) =>
        PayguruKeys.PaymentNotify(service, ProtocolVectors.Merchant, "28120", "PG-8F2K1", "ORDER-1001", "10.50");

    [Fact]
    public void Finds_the_first_service_by_its_key()
    {
        var found = ServiceKeyMatcher.FindService(Services, PaymentNotifyKey, ProtocolVectors.PaymentNotifyKey);

        Assert.Same(ProtocolVectors.Demo, found);
    }

    [Fact]
    public void Finds_the_second_service_by_its_key()
    {
        var found = ServiceKeyMatcher.FindService(Services, PaymentNotifyKey, PaymentNotifyKey(Other));

        Assert.Same(Other, found);
    }

    [Fact]
    public void Accepts_the_key_in_upper_case_hex()
    {
        var found = ServiceKeyMatcher.FindService(Services, PaymentNotifyKey, ProtocolVectors.PaymentNotifyKey.ToUpperInvariant());

        Assert.Same(ProtocolVectors.Demo, found);
    }

    [Fact]
    public void Answers_null_when_no_service_matches()
    {
        // The key of the same notification with the amount written "10.5": genuine for a different text.
        var found = ServiceKeyMatcher.FindService(Services, PaymentNotifyKey, ProtocolVectors.PaymentNotifyShortAmountKey);

        Assert.Null(found);
    }

    [Fact]
    public void Answers_null_for_a_null_key()
    {
        Assert.Null(ServiceKeyMatcher.FindService(Services, PaymentNotifyKey, null));
    }

    [Fact]
    public void Answers_null_when_no_service_is_configured()
    {
        Assert.Null(ServiceKeyMatcher.FindService([], PaymentNotifyKey, ProtocolVectors.PaymentNotifyKey));
    }

    [Fact]
    public void Checks_every_service_even_after_a_match()
    {
        var checkedCodes = new List<string>();

        var found = ServiceKeyMatcher.FindService(
            Services,
            service =>
            {
                checkedCodes.Add(service.Code);
                return PaymentNotifyKey(service);
            },
            ProtocolVectors.PaymentNotifyKey);

        Assert.Same(ProtocolVectors.Demo, found);
        Assert.Equal(["DEMO", "OTHER"], checkedCodes);
    }
}
