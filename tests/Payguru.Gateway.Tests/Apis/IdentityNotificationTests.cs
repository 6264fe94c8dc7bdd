using System.Net;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// <c>/TCKNVerifyService</c> with <c>verified</c> or <c>unverified</c>: answered <c>OK</c> once
/// <see cref="IdentityVerified"/> or <see cref="IdentityVerificationFailed"/> is queued (mandatory, confirmed),
/// with an id derived from txid, order and outcome; refused with a reason and nothing published otherwise.
/// </summary>
public sealed class IdentityNotificationTests()
    : GatewayTest(new(new Dictionary<string, string?> { ["Gateway:PublishTimeout"] = "00:00:00.300" }))
{
    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Verified_answers_OK_and_publishes_one_IdentityVerified(NotificationForm form)
    {
        var response = await Client.SendAsync(IdentityCalls.Request(form, IdentityCalls.Demo("verified")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var (message, messageId) = Assert.Single(Gateway.Publishes.Of<IdentityVerified>());
        Assert.Equal(
            new IdentityVerified(28120, "PG-8F2K1", "ORDER-1001", 10.50m, "10.50", IdentityCalls.DemoTransactionTime, "ziraatbank", "10", GatewayFactory.DemoService),
            message);
        Assert.Equal(MessageIds.IdentityVerification(28120, "ORDER-1001", "verified"), messageId);
        Assert.Empty(Gateway.Publishes.Of<IdentityVerificationFailed>());
    }

    [Fact]
    public async Task Unverified_answers_OK_and_publishes_one_IdentityVerificationFailed()
    {
        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("unverified")));

        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var (message, messageId) = Assert.Single(Gateway.Publishes.Of<IdentityVerificationFailed>());
        Assert.Equal(
            new IdentityVerificationFailed(28120, "PG-8F2K1", "ORDER-1001", 10.50m, "10.50", IdentityCalls.DemoTransactionTime, "ziraatbank", "10", GatewayFactory.DemoService),
            message);
        Assert.Equal(MessageIds.IdentityVerification(28120, "ORDER-1001", "unverified"), messageId);
        Assert.Empty(Gateway.Publishes.Of<IdentityVerified>());
    }

    [Fact]
    public async Task Repeated_report_is_published_again_with_the_same_id()
    {
        await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verified")));
        await Client.SendAsync(IdentityCalls.Request(NotificationForm.Json, IdentityCalls.Demo("verified")));

        var published = Gateway.Publishes.Of<IdentityVerified>();
        Assert.Equal(2, published.Count);
        Assert.Equal(published[0].MessageId, published[1].MessageId);
    }

    [Fact]
    public async Task Report_signed_with_another_services_key_names_that_service()
    {
        var fields = IdentityCalls.Demo("verified").WithKeyFor(GatewayFactory.OtherService, GatewayFactory.OtherServiceKey);

        await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(GatewayFactory.OtherService, Assert.Single(Gateway.Publishes.Of<IdentityVerified>()).Message.ServiceCode);
    }

    [Fact]
    public async Task Report_without_the_optional_fields_is_accepted_with_them_unknown()
    {
        var fields = IdentityCalls.Demo("unverified");
        fields.Remove("transaction_date");
        fields.Remove("bank");
        fields["bank_no"] = "";

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Form, fields));

        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var message = Assert.Single(Gateway.Publishes.Of<IdentityVerificationFailed>()).Message;
        Assert.Null(message.TransactionTime);
        Assert.Null(message.Bank);
        Assert.Null(message.BankNo);
    }

    public static TheoryData<string, string, string> RefusedReports => new()
    {
        { "key", "0123456789abcdef0123456789abcdef", "invalid key" },
        { "order", "ORDER-1002", "invalid key" },
        { "txid", "28120.5", "txid must be a whole number" },
        { "amount", "10,50", "amount must be a decimal number such as 10.50" },
        { "transaction_date", "18.01.2018", "transaction_date must look like 2018-01-18 13:48:39" },
        { "code", "", "missing field 'code'" },
    };

    [Theory]
    [MemberData(nameof(RefusedReports))]
    public async Task Bad_report_is_refused_with_a_reason_and_publishes_nothing(string field, string value, string reason)
    {
        var fields = IdentityCalls.Demo("verified");
        fields[field] = value;

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Gateway.Publishes.Count);
    }

    [Theory]
    [InlineData(BrokerFault.Unreachable, "broker is unavailable")]
    [InlineData(BrokerFault.Returned, "no queue is bound")]
    public async Task Report_not_queued_is_answered_503_not_OK(BrokerFault fault, string reason)
    {
        Gateway.Faults.Fault = fault;

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, IdentityCalls.Demo("verified")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Gateway.Publishes.Count);
    }
}
