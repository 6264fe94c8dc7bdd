using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// Names a consumer's endpoint after the queue <see cref="ProcessorTopology"/> gives the message it consumes, so
/// consumers of one queue share its endpoint. A consumer of a message not in the table (a test's own) gets
/// MassTransit's default name.
/// </summary>
public sealed class ProcessorEndpointNameFormatter : DefaultEndpointNameFormatter
{
    ProcessorEndpointNameFormatter()
        : base(includeNamespace: false)
    {
    }

    public static new ProcessorEndpointNameFormatter Instance { get; } = new();

    public override string Consumer<T>() =>
        ProcessorTopology.EndpointOf(ConsumedMessage(typeof(T)))?.Queue ?? base.Consumer<T>();

    static Type ConsumedMessage(Type consumerType)
    {
        var consumed = consumerType.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        return consumed.Count == 1
            ? consumed[0]
            : throw new InvalidOperationException($"{consumerType.Name} consumes {consumed.Count} message types; one queue per consumer needs exactly one.");
    }
}
