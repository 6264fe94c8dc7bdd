using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Topology;

/// <summary>
/// <c>RabbitMq:QueueType</c> with the real gateway and processor on a fresh virtual host: every durable queue
/// either of them declares (endpoints, their <c>_skipped</c> queue, the gateway's bindings of events and
/// commands) is of the configured type, the bus's own response queues stay non-durable classic queues, and a
/// payment, a refund command and a refund query all travel through them.
/// </summary>
public sealed class QueueTypeTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    static readonly string[] ProcessorEndpoints =
    [
        ProcessorQueues.Payments, ProcessorQueues.Refunds, ProcessorQueues.RefundResults, ProcessorQueues.Queries,
        ProcessorQueues.Identities, ProcessorQueues.IdentityResults, ProcessorQueues.IdentityQueries,
        ProcessorQueues.SubMerchants, ProcessorQueues.ClientTokens,
    ];

    [Theory]
    [InlineData("Quorum", "quorum", 610001)]
    [InlineData("Classic", "classic", 610002)]
    public async Task Every_durable_queue_has_the_configured_type_and_messages_flow_through_them(string setting, string expectedType, long txid)
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var settings = new Dictionary<string, string?> { ["RabbitMq__QueueType"] = setting };

        // The gateway first: its declarations come before the processor's, which must agree with them.
        var (gateway, client) = await system.StartGatewayAsync(settings: settings);
        await using var _ = gateway;
        var order = $"ORDER-QT-{txid}";
        var notification = await client.GetAsync(new SignedNotification(txid, order).PathAndQuery);
        Assert.Equal("OK", await notification.Content.ReadAsStringAsync());

        await using var processor = await system.StartProcessorAsync(settings: settings);
        await system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(60), "txid = $txid",
            new Dictionary<string, object?> { ["$txid"] = txid });

        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-api-key");
        var refundId = Guid.NewGuid();
        var refund = await client.PostAsJsonAsync("/refunds", new
        {
            refundRequestId = refundId,
            order,
            amount = 20.00m,
            contactName = "Demo Customer",
            iban = "TR800011100000000036888459",
        });
        Assert.Equal(HttpStatusCode.Accepted, refund.StatusCode);

        // 20.00 of a 10.50 payment: rejected by the processor, and the query answered through the queries queue.
        var state = await Poll.WaitUntilAsync(
            async token =>
            {
                using var response = await client.GetAsync($"/refunds/{refundId}", token);
                return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync(token)).RootElement.Clone() : (JsonElement?)null;
            },
            answer => answer?.GetProperty("state").GetString() == RefundStateNames.Rejected,
            TimeSpan.FromSeconds(60),
            $"refund {refundId} answered as rejected",
            TimeSpan.FromMilliseconds(500));
        Assert.Equal(RefundRejectionReasons.OverRefund, state!.Value.GetProperty("rejectionReason").GetString());

        // A message nobody consumes makes the payments endpoint declare its _skipped queue.
        await SkippedMessage.PutAsync(vhost, ProcessorQueues.Payments);
        await vhost.WaitForQueueAsync($"{ProcessorQueues.Payments}_skipped", q => q.Messages == 1, TimeSpan.FromSeconds(30));

        var queues = await QueueDeclaration.ListAsync(vhost);
        foreach (var name in ProcessorEndpoints.Append($"{ProcessorQueues.Payments}_skipped"))
        {
            var queue = Assert.Single(queues, q => q.Name == name);
            Assert.Equal(expectedType, queue.Type);
        }

        // Nothing else is durable: every endpoint and the one _skipped queue.
        var durable = queues.Where(q => q.Durable).ToList();
        Assert.Equal(ProcessorEndpoints.Length + 1, durable.Count);
        Assert.All(durable, queue => Assert.Equal(expectedType, queue.Type));
        Assert.All(durable, queue => Assert.False(queue.AutoDelete, queue.Name));

        // The bus endpoints (the gateway's took the query's answer): not durable (exclusive, expiring), which a
        // quorum queue cannot be, so classic whatever the setting.
        var temporary = queues.Where(q => !q.Durable).ToList();
        Assert.NotEmpty(temporary);
        Assert.All(temporary, queue => Assert.Equal("classic", queue.Type));
        Assert.False(processor.HasExited, processor.OutputText);
        Assert.DoesNotContain("PRECONDITION_FAILED", processor.OutputText + gateway.OutputText);
    }
}
