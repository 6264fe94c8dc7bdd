using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Validation;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// RequestRefund decided before any provider call: an invalid request or an unknown service is
/// rejected with its reason code, kept as a rejected row without its personal data, and never
/// reaches <c>refund/create</c>; a request that names no service takes the one configured.
/// </summary>
public sealed class RequestRefundDecisionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    const string InvalidIban = "TR370006400012345678987654";

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("amount 0", RefundRejectionReasons.InvalidAmount)]
    [InlineData("amount -1", RefundRejectionReasons.InvalidAmount)]
    [InlineData("amount 1.005", RefundRejectionReasons.InvalidAmount)]
    [InlineData("invalid IBAN", RefundRejectionReasons.InvalidIban)]
    [InlineData("missing IBAN", RefundRejectionReasons.InvalidIban)]
    [InlineData("empty contact name", RefundRejectionReasons.InvalidContactName)]
    [InlineData("blank contact name", RefundRejectionReasons.InvalidContactName)]
    [InlineData("null contact name", RefundRejectionReasons.InvalidContactName)]
    [InlineData("too long contact name", RefundRejectionReasons.InvalidContactName)]
    [InlineData("too long order", RefundRejectionReasons.InvalidOrder)]
    [InlineData("empty order", RefundRejectionReasons.InvalidOrder)]
    public async Task Invalid_request_is_rejected_with_its_reason_kept_without_personal_data_and_never_sent(string @case, string reason)
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var request = Invalid(@case);

        await processor.RequestAsync(request);

        var published = Assert.Single(processor.Published<RefundRejected>());
        Assert.Equal(MessageIds.RefundOutcome(request.RefundRequestId, "rejected"), published.MessageId);
        var rejected = published.Message;
        Assert.Equal((request.RefundRequestId, reason, (string?)null, request.Amount), (rejected.RefundRequestId, rejected.Reason, rejected.ProviderCode, rejected.Amount));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        AssertNoPersonalData(request, rejected.Message);

        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(("rejected", reason, (long?)null), (row.State, row.RejectionReason, row.RefundId));
        Assert.Equal("", row.ContactName);
        Assert.Equal(Iban.Mask(request.Iban), row.Iban); // only the last four, or nothing
        if (!string.IsNullOrEmpty(request.Iban))
        {
            Assert.Equal("****" + Iban.Normalize(request.Iban)[^4..], row.Iban);
        }

        Assert.Empty(processor.Published<RefundSubmitted>());
        Assert.Equal(0, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(0, await sandbox.CallsAsync("getToken"));
    }

    [Fact]
    public async Task Order_longer_than_any_database_column_is_kept_cut_to_the_limit_and_answered_again()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var request = RefundHarness.Request(new string('o', 5000), 1.00m);

        await processor.RequestAsync(request);
        await processor.RequestAsync(request);

        var answers = processor.Published<RefundRejected>();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, answer => Assert.Equal(
            (MessageIds.RefundOutcome(request.RefundRequestId, "rejected"), RefundRejectionReasons.InvalidOrder),
            (answer.MessageId, answer.Message.Reason)));
        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(new string('o', RefundRequestRules.MaxOrderLength), row.Order);
    }

    [Fact]
    public async Task Unknown_service_is_rejected_and_never_sent()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 1.00m, serviceCode: "NOPE");

        await processor.RequestAsync(request);

        var rejected = await processor.RejectedAsync(request.RefundRequestId);
        Assert.Equal(RefundRejectionReasons.UnknownService, rejected.Reason);
        Assert.Contains("NOPE", rejected.Message);
        AssertNoPersonalData(request, rejected.Message);
        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(("rejected", RefundRejectionReasons.UnknownService, "", "****8459"), (row.State, row.RejectionReason, row.ContactName, row.Iban));
        Assert.Equal(0, await sandbox.CallsAsync("refund/create"));
    }

    [Fact]
    public async Task Request_without_a_service_uses_the_one_configured()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 2.50m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal((Demo.ServiceCode, order, 2.50m), (submitted.ServiceCode, submitted.Order, submitted.Amount));
        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(("submitted", Demo.ServiceCode, "2.50", submitted.RefundId), (row.State, row.ServiceCode, row.Amount, row.RefundId));
        Assert.Equal(Demo.Iban, row.Iban); // an accepted refund keeps what refund/create needs
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        var made = Assert.Single(await sandbox.RefundsOfOrderAsync(order));
        Assert.Equal((submitted.RefundId, "2.50"), (made.Id, made.Amount));
    }

    static RequestRefund Invalid(string @case)
    {
        var valid = RefundHarness.Request(RefundHarness.NewOrder(), 1.00m) with { ContactName = "Ayşe Yılmaz" };
        return @case switch
        {
            "amount 0" => valid with { Amount = 0m },
            "amount -1" => valid with { Amount = -1m },
            "amount 1.005" => valid with { Amount = 1.005m },
            "invalid IBAN" => valid with { Iban = InvalidIban },
            "missing IBAN" => valid with { Iban = "" },
            "empty contact name" => valid with { ContactName = "" },
            "blank contact name" => valid with { ContactName = "   " },
            "null contact name" => valid with { ContactName = null! },
            "too long contact name" => valid with { ContactName = new string('a', 101) },
            "too long order" => valid with { Order = new string('o', 101) },
            "empty order" => valid with { Order = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "no such case"),
        };
    }

    static void AssertNoPersonalData(RequestRefund request, string text)
    {
        if (!string.IsNullOrEmpty(request.Iban))
        {
            Assert.DoesNotContain(Iban.Normalize(request.Iban), text);
        }

        if (!string.IsNullOrWhiteSpace(request.ContactName))
        {
            Assert.DoesNotContain(request.ContactName.Trim(), text);
        }
    }
}
