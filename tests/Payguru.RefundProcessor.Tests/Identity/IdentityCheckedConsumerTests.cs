using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Identity;

/// <summary>
/// Payguru's report of its identity check, from the gateway: verified or not, the order's stored hashes are
/// erased (only that order's), once per report id.
/// </summary>
public sealed class IdentityCheckedConsumerTests
{
    static readonly DateTimeOffset TransactionTime = new(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3));

    readonly CapturedLogs _logs = new();

    [Fact]
    public async Task IdentityVerified_erases_the_orders_stored_identity_and_no_other()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        await processor.RegisterAsync("ORDER-1002", IdentityHarness.Tckn);
        var messageId = MessageIds.IdentityVerification(28120, "ORDER-1001", "verified");

        await processor.PublishAsync(
            new IdentityVerified(28120, "PG-8F2K1", "ORDER-1001", 10.50m, "10.50", TransactionTime, "ziraatbank", "10", Demo.ServiceCode), messageId);

        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        Assert.Empty(await processor.HashesAsync("ORDER-1001"));
        Assert.Equal(2, (await processor.HashesAsync("ORDER-1002")).Count);
        Assert.Contains("Identity of order ORDER-1001 verified by Payguru (txid 28120): 2 stored hash(es) erased", _logs.Text);
        Assert.Equal(1L, await processor.ScalarAsync<long>(
            "SELECT COUNT(*) FROM inbox_messages WHERE endpoint = 'refund-processor-identity-results' AND message_id = @Id;", new { Id = messageId.ToString("D") }));
    }

    [Fact]
    public async Task IdentityVerificationFailed_erases_the_orders_stored_identity()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        var messageId = MessageIds.IdentityVerification(28120, "ORDER-1001", "unverified");

        await processor.PublishAsync(
            new IdentityVerificationFailed(28120, "PG-8F2K1", "ORDER-1001", 10.50m, "10.50", null, null, null, Demo.ServiceCode), messageId);

        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        Assert.Empty(await processor.HashesAsync("ORDER-1001"));
        Assert.Contains("Identity of order ORDER-1001 not verified by Payguru (txid 28120): 2 stored hash(es) erased", _logs.Text);
    }

    [Fact]
    public async Task A_repeated_report_after_a_new_registration_erases_nothing()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        var report = new IdentityVerified(28120, "PG-8F2K1", "ORDER-1001", 10.50m, "10.50", null, null, null, Demo.ServiceCode);
        var messageId = MessageIds.IdentityVerification(28120, "ORDER-1001", "verified");
        await processor.PublishAsync(report, messageId);
        await processor.FinishedAsync(messageId);

        await processor.RegisterAsync("ORDER-1001", IdentityHarness.OtherTckn);
        await processor.PublishAsync(report, messageId);

        Assert.Equal(2, (await processor.FinishedAsync(messageId, count: 2)).Count);
        Assert.Equal(2, (await processor.HashesAsync("ORDER-1001")).Count);
    }

    [Fact]
    public async Task Report_of_an_order_without_a_stored_identity_changes_nothing()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        var messageId = NewId.NextGuid();

        await processor.PublishAsync(new IdentityVerified(1, "PG-1", "ORDER-NONE", 1m, "1.00", null, null, null, Demo.ServiceCode), messageId);

        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        Assert.Contains("Identity of order ORDER-NONE verified by Payguru (txid 1): 0 stored hash(es) erased", _logs.Text);
    }
}
