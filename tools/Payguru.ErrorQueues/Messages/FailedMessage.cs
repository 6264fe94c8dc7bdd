using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Payguru.ErrorQueues.Messages;

/// <summary>
/// What <c>list</c> shows of a message in an error queue: its type, its id and MassTransit's fault headers.
/// Never the body, which may carry personal data (a refund's IBAN and name).
/// </summary>
public sealed record FailedMessage(string MessageType, string MessageId, string Reason, string FaultMessage)
{
    public const string ReasonHeader = "MT-Reason";
    public const string FaultMessageHeader = "MT-Fault-Message";
    public const string FaultMessageTypeHeader = "MT-Fault-MessageType";

    const string Unknown = "(none)";
    const int MaxFaultLength = 300;

    public static FailedMessage From(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var fault = Header(properties, FaultMessageHeader) ?? Unknown;
        var firstLine = fault.Split('\n', 2)[0].TrimEnd('\r');
        return new FailedMessage(
            Header(properties, FaultMessageTypeHeader) ?? EnvelopeMessageType(properties, body) ?? properties.Type ?? Unknown,
            properties.MessageId ?? Unknown,
            Header(properties, ReasonHeader) ?? Unknown,
            firstLine.Length > MaxFaultLength ? firstLine[..MaxFaultLength] + "…" : firstLine);
    }

    /// <summary>A header as text: RabbitMQ.Client hands string headers over as UTF-8 bytes.</summary>
    public static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            }
            : null;

    // A message that failed before a consumer saw it (it could not be read) has no MT-Fault-MessageType header;
    // MassTransit's JSON envelope names its type in "messageType". Only that field is read.
    static string? EnvelopeMessageType(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        if (properties.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            using var envelope = JsonDocument.Parse(body);
            return envelope.RootElement.ValueKind == JsonValueKind.Object
                   && envelope.RootElement.TryGetProperty("messageType", out var types)
                   && types.ValueKind == JsonValueKind.Array
                   && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
