using System.Text;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Hostile;

/// <summary>
/// Messages a buggy internal service puts in the real processor's refund queue on the real broker: broken JSON,
/// wrong types, no message id, a <see cref="RequestRefund"/> with nulls everywhere end in the <c>_error</c>
/// queue; one with a 1 MB order is rejected with a reason. None blocks the queue (a valid request sent after
/// them is answered), crashes the processor or records anything but the two rejections.
/// </summary>
public sealed class UnreadableMessageTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string ContentType = "application/vnd.masstransit+json";
    const string MessageType = "urn:message:Payguru.Contracts.Refunds:RequestRefund";
    static readonly string ErrorQueue = $"{ProcessorQueues.Refunds}_error";

    [Fact]
    public async Task Unreadable_refund_requests_end_in_the_error_queue_and_the_queue_keeps_flowing()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync();
        await using var events = await RefundEvents.StartAsync(vhost);
        await using var amqp = await AmqpClient.OpenAsync(vhost);
        var longOrderId = Guid.NewGuid();
        var afterId = Guid.NewGuid();

        string[] unreadable =
        [
            """{"messageId":"0a0b0c0d-0000-0000-0000-000000000001","messageType":[""" + '"' + MessageType + "\"],\"message\":{\"refundRequestId\":",
            Envelope("0a0b0c0d-0000-0000-0000-000000000002", """{"refundRequestId":"not-a-guid","order":42,"amount":"lots","iban":[1,2]}"""),
            Envelope(null, Valid(Guid.NewGuid(), "ORDER-NO-ID")),
            Envelope("0a0b0c0d-0000-0000-0000-000000000004", "{}"),
            Envelope("0a0b0c0d-0000-0000-0000-000000000005", """{"refundRequestId":null,"order":null,"amount":null,"contactName":null,"iban":null,"payguruCode":null,"serviceCode":null,"reason":null}"""),
        ];
        foreach (var body in unreadable)
        {
            await amqp.PutAsync(ProcessorQueues.Refunds, new BasicProperties { ContentType = ContentType }, Encoding.UTF8.GetBytes(body));
        }

        await amqp.PutAsync(ProcessorQueues.Refunds, new BasicProperties { ContentType = ContentType },
            Encoding.UTF8.GetBytes(Envelope(Guid.NewGuid().ToString(), Valid(longOrderId, new string('x', 1024 * 1024)))));
        await events.SendAsync(new RequestRefund(afterId, "ORDER-AFTER", null, Demo.ServiceCode, -1m, "Ayşe Yılmaz", Demo.Iban, null));

        var longOrder = await events.WaitForRejectedAsync(longOrderId);
        Assert.Equal(RefundRejectionReasons.InvalidOrder, longOrder.Reason);
        Assert.Equal(RefundRejectionReasons.InvalidAmount, (await events.WaitForRejectedAsync(afterId)).Reason);
        // Retried up to 5 s apart, then moved; the one without its id at once.
        await vhost.WaitForQueueAsync(ErrorQueue, q => q.Messages == unreadable.Length, TimeSpan.FromSeconds(90));
        await vhost.WaitForQueueAsync(ProcessorQueues.Refunds, q => q.Messages == 0 && q.Consumers > 0, TimeSpan.FromSeconds(30));

        Assert.False(processor.HasExited);
        var recorded = await system.Database.QueryAsync("SELECT request_id, state FROM refunds ORDER BY request_id");
        Assert.Equal(
            new[] { longOrderId, afterId }.Order().Select(id => id.ToString()),
            recorded.Select(r => Guid.Parse((string)r["request_id"]!).ToString()).Order());
        Assert.All(recorded, r => Assert.Equal("rejected", r["state"]));
        Assert.Equal(2, events.Rejected.Count);
        Assert.Empty(events.Submitted);
    }

    static string Envelope(string? messageId, string message) =>
        "{" + (messageId is null ? "" : $"\"messageId\":\"{messageId}\",") + $"\"messageType\":[\"{MessageType}\"],\"message\":{message}}}";

    static string Valid(Guid id, string order) =>
        $$"""{"refundRequestId":"{{id}}","order":"{{order}}","serviceCode":"{{Demo.ServiceCode}}","amount":1.00,"contactName":"Ayşe Yılmaz","iban":"{{Demo.Iban}}"}""";
}
