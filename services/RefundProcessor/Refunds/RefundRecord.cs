namespace Payguru.RefundProcessor.Refunds;

/// <summary>A refund request as the processor records it (table <c>refunds</c>).</summary>
public sealed record RefundRecord
{
    public required Guid RequestId { get; init; }
    public required string Order { get; init; }
    public string? PayguruCode { get; init; }
    public string? ServiceCode { get; init; }

    /// <summary>The amount's text as sent to <c>refund/create</c> (<c>1.00</c>).</summary>
    public required string Amount { get; init; }

    public required string ContactName { get; init; }

    /// <summary>Electronic form. Personal data: never logged.</summary>
    public required string Iban { get; init; }

    public string? Reason { get; init; }
    public required string State { get; init; }
    public long? RefundId { get; init; }
    public string? RejectionReason { get; init; }
    public string? RejectionMessage { get; init; }
    public string? ProviderCode { get; init; }
    public string? AttemptOwner { get; init; }
    public DateTimeOffset? AttemptExpiresAt { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public decimal AmountValue => decimal.Parse(Amount, System.Globalization.CultureInfo.InvariantCulture);

    // The contact name and the IBAN are personal data: keep them out of anything that prints a record.
    public override string ToString() => $"refund request {RequestId} (order {Order}, amount {Amount}, {State})";
}
