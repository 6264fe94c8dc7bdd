using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Payments;

/// <summary>Invariant 3 (docs/architecture.md) end to end: Payguru repeating a notification gives one payment.</summary>
public sealed class DuplicateNotificationTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Same_notification_sent_three_ways_gives_one_payment_row()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync();
        var (gateway, client) = await system.StartGatewayAsync();
        await using var _ = gateway;

        var notification = new SignedNotification(Txid: 500301, Order: "ORDER-DUP-1");
        var answers = new[]
        {
            await client.GetAsync(notification.PathAndQuery),
            await client.PostAsync("/PhsNotifyService", notification.Form),
            await client.PostAsync("/PhsNotifyService", notification.Json),
        };
        foreach (var answer in answers)
        {
            Assert.Equal("OK", await answer.Content.ReadAsStringAsync());
        }

        // All three carry one message id: the first is recorded, the other two are dropped by the inbox.
        await processor.WaitForOutputAsync("Recorded payment 500301", TimeSpan.FromSeconds(30));
        await Poll.WaitUntilAsync(
            () => processor.CountOutput("was handled before") == 2, TimeSpan.FromSeconds(30), "two duplicates to be dropped");
        Assert.Equal(1, await system.Database.CountAsync("payments", "txid = 500301"));
        Assert.Equal(1, await system.Database.CountAsync("inbox_messages"));
        Assert.False(await vhost.QueueExistsAsync("refund-processor-payments_skipped"));
        Assert.False(await vhost.QueueExistsAsync("refund-processor-payments_error"));
    }
}
