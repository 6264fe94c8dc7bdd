using System.Text.Json;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Stores outbox messages as JSON with their type's full name. Only types of the contracts
/// assembly are ever read back: a stored row names no arbitrary type.
/// </summary>
public static class OutboxSerializer
{
    static readonly System.Reflection.Assembly ContractsAssembly = typeof(PaymentAccepted).Assembly;

    public static OutboxEnvelope Envelope(object message, Guid messageId)
    {
        var type = message.GetType();
        if (type.Assembly != ContractsAssembly)
        {
            throw new ArgumentException($"Only Payguru.Contracts messages go through the outbox, not {type.FullName}.", nameof(message));
        }

        return new OutboxEnvelope(
            messageId, type.FullName!, JsonSerializer.Serialize(message, type), OutboxTraceContext.Capture(), OutboxOrderingKeys.Of(message));
    }

    public static (object Message, Type Type) Read(OutboxRecord record)
    {
        var type = ContractsAssembly.GetType(record.MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {record.Sequence} has the unknown type '{record.MessageType}'.");
        var message = JsonSerializer.Deserialize(record.Body, type)
            ?? throw new InvalidOperationException($"Outbox message {record.Sequence} has an empty body.");
        return (message, type);
    }
}
