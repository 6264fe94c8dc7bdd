using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Topology;

/// <summary>
/// samples/OrderService with <c>RabbitMq:QueueType=Quorum</c> beside a quorum processor: its own queues are quorum,
/// and its refund command reaches the processor's quorum command queue (the sample declares it the same way).
/// </summary>
public sealed class SampleQueueTypeTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    static readonly string SampleDll = Path.Combine(
        RepoPaths.Root, "samples", "OrderService", "bin", RepoPaths.Configuration, RepoPaths.TargetFramework, "OrderService.dll");

    [Fact]
    public async Task Sample_declares_quorum_queues_and_its_refund_command_reaches_the_quorum_processor()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var quorum = new Dictionary<string, string?> { ["RabbitMq__QueueType"] = "Quorum" };
        var sampleEnvironment = new Dictionary<string, string?>(vhost.ServiceEnvironment()) { ["RabbitMq__QueueType"] = "Quorum" };
        await using var processor = await system.StartProcessorAsync(settings: quorum);
        var (gateway, client) = await system.StartGatewayAsync(settings: quorum);
        await using var _ = gateway;
        await using var worker = ServiceProcess.StartDll(SampleDll, sampleEnvironment, directory.Path, output, name: "OrderService");
        await vhost.WaitForQueueAsync("order-service-payment-accepted", q => q.Consumers > 0, TimeSpan.FromSeconds(60));

        Assert.Equal("OK", await (await client.GetAsync(new SignedNotification(630001, "ORDER-SAMPLE-Q").PathAndQuery)).Content.ReadAsStringAsync());
        await system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(60));
        await worker.WaitForOutputAsync("PaymentAccepted: txid 630001", TimeSpan.FromSeconds(60));

        // 20.00 of a 10.50 payment: the processor rejects it, so no Payguru is needed to hear back.
        await using var command = ServiceProcess.StartDll(
            SampleDll, sampleEnvironment, directory.Path, output, ["refund", "--order", "ORDER-SAMPLE-Q", "--amount", "20.00", "--timeout", "60"],
            "OrderService refund");
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        Assert.Contains("RefundRejected: over_refund", command.OutputText);
        var queues = await QueueDeclaration.ListAsync(vhost);
        Assert.All(
            queues.Where(q => q.Name.StartsWith("order-service-", StringComparison.Ordinal) && q.Durable),
            queue => Assert.Equal("quorum", queue.Type));
        // One queue per consumer of samples/OrderService/Consumers: payment accepted, refund submitted, rejected and
        // settled, identity verified and failed.
        Assert.Equal(6, queues.Count(q => q.Name.StartsWith("order-service-", StringComparison.Ordinal) && q.Durable));
        // The command queues the sample binds its published commands to.
        Assert.Equal("quorum", Assert.Single(queues, q => q.Name == ProcessorQueues.Refunds).Type);
        Assert.Equal("quorum", Assert.Single(queues, q => q.Name == ProcessorQueues.Identities).Type);
        Assert.DoesNotContain("PRECONDITION_FAILED", worker.OutputText + command.OutputText);
    }
}
