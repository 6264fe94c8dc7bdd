using MassTransit;
using Payguru.Messaging.Topology;
using Payguru.RefundProcessor.Consumers;
using Payguru.RefundProcessor.Consuming;

namespace Payguru.RefundProcessor.Tests.Topology;

/// <summary>
/// The topology table and the processor's consumers agree: every consumer's message has its row, every row's
/// message has a consumer, and each consumer's endpoint is named after its row's queue.
/// </summary>
public sealed class ProcessorTopologyTests
{
    static readonly IReadOnlyList<(Type Consumer, Type Message)> Consumers = typeof(PaymentAcceptedConsumer).Assembly.GetTypes()
        .SelectMany(type => type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => (type, i.GetGenericArguments()[0])))
        .ToList();

    [Fact]
    public void Every_consumed_message_has_one_row_and_every_row_a_consumer()
    {
        var consumed = Consumers.Select(c => c.Message).OrderBy(t => t.Name).ToList();
        var listed = ProcessorTopology.Endpoints.SelectMany(e => e.Messages).Select(m => m.Type).OrderBy(t => t.Name).ToList();

        Assert.Equal(consumed, listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void Each_consumer_endpoint_is_named_after_the_queue_of_its_message()
    {
        foreach (var (consumer, message) in Consumers)
        {
            var name = (string)typeof(ProcessorEndpointNameFormatter).GetMethod(nameof(ProcessorEndpointNameFormatter.Consumer))!
                .MakeGenericMethod(consumer).Invoke(ProcessorEndpointNameFormatter.Instance, null)!;

            Assert.Equal(ProcessorTopology.EndpointOf(message)!.Queue, name);
        }
    }

    [Fact]
    public void Only_the_query_endpoints_run_outside_the_transaction()
    {
        Assert.Equal(
            [ProcessorQueues.Queries, ProcessorQueues.ClientTokens, ProcessorQueues.IdentityQueries],
            ProcessorTopology.Endpoints.Where(e => !ProcessorTopology.IsTransactional(e.Queue)).Select(e => e.Queue));
        // A test's own consumer, not in the table, gets the inbox and outbox like any state change.
        Assert.True(ProcessorTopology.IsTransactional("OutboxPublishing"));
    }
}
