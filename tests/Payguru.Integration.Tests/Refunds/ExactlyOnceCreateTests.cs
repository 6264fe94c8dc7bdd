using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;
using Payguru.Messaging.Topology;

namespace Payguru.Integration.Tests.Refunds;

/// <summary>
/// Invariant 5 (docs/architecture.md) under faults: two processor instances on one database and one queue, Payguru's
/// answers lost, 5xx answers and answers held past the client's timeout, requests sent twice.
/// N requests make exactly N refunds at the sandbox. On SQLite and on SQL Server, the production database.
/// </summary>
public sealed class ExactlyOnceCreateTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const int Orders = 8;
    const int RefundsPerOrder = 3;

    [SkippableTheory]
    [MemberData(nameof(ProcessorDatabases.Both), MemberType = typeof(ProcessorDatabases))]
    public async Task N_requests_make_exactly_N_creates_through_lost_answers_5xx_and_timeouts_on_two_instances(string database)
    {
        using var directory = new TempDirectory();
        await using var store = await ProcessorDatabases.CreateAsync(database, directory);
        await using var vhost = await broker.CreateVirtualHostAsync();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        var orders = Enumerable.Range(1, Orders).Select(i => $"ORDER-X{i}").ToList();
        foreach (var order in orders)
        {
            await admin.SeedPaymentAsync(order, "100.00");
        }

        // Made but not answered (lost, held past the 2 s timeout), and refused with a 5xx before anything is made.
        await admin.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 3 });
        await admin.AddFaultAsync(new { endpoint = "refund/create", kind = "status", status = 503, count = 3 });
        await admin.AddFaultAsync(new { endpoint = "refund/create", kind = "hold", delayMs = 4000, count = 2 });

        var system = new DemoSystem(vhost, directory, output, store);
        var settings = DemoSystem.RefundSettings(sandbox);
        await using var first = await system.StartProcessorAsync(settings: settings);
        await using var second = await system.StartProcessorAsync(settings: settings);
        await system.WaitForInstancesAsync(ProcessorQueues.Refunds, 2);
        await using var events = await RefundEvents.StartAsync(vhost);

        var requests = orders
            .SelectMany(order => Enumerable.Range(1, RefundsPerOrder).Select(i => new RequestRefund(
                Guid.NewGuid(), order, null, null, 1.00m * i, "Demo Customer", Demo.Iban, "exactly-once")))
            .ToList();
        foreach (var request in requests)
        {
            await events.SendAsync(request);
        }

        // The callers retry every third request while it may still be in flight.
        foreach (var request in requests.Where((_, i) => i % 3 == 0))
        {
            await events.SendAsync(request with { Reason = "retried" });
        }

        foreach (var request in requests)
        {
            await events.WaitForSubmittedAsync(request.RefundRequestId, TimeSpan.FromSeconds(90));
        }

        var stats = await admin.StatsAsync();
        output.WriteLine($"sandbox stats: {stats}");
        Assert.Equal(requests.Count, stats.GetProperty("refundsCreated").GetInt32());
        foreach (var order in orders)
        {
            Assert.Equal(RefundsPerOrder, stats.GetProperty("refundsCreatedByOrder").GetProperty(order).GetInt32());
        }

        // Every fault was met, so the recovery paths ran; and each request got its own refund.
        Assert.Equal(8, stats.GetProperty("faultsApplied").GetProperty("refund/create").GetInt32());
        var refundIds = requests.Select(r => events.Submitted.First(e => e.Message.RefundRequestId == r.RefundRequestId).Message.RefundId).ToList();
        Assert.Equal(requests.Count, refundIds.Distinct().Count());
        Assert.True(stats.GetProperty("calls").GetProperty("refund/getByOrder").GetInt32() >= 8, "each unknown outcome was looked up by order");

        // Payguru holds what was asked: each refund's amount matches its request.
        var token = await admin.NewTokenAsync();
        foreach (var request in requests)
        {
            var refundId = events.Submitted.First(e => e.Message.RefundRequestId == request.RefundRequestId).Message.RefundId;
            var detail = Assert.Single((await admin.GetRefundAsync(token, refundId)).Data!);
            Assert.Equal(request.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), detail.Amount);
        }
    }
}
