namespace Payguru.RefundProcessor.Refunds;

/// <summary>A <c>refunds</c> row as the database gives it (ids as text), read by Dapper.</summary>
sealed class RefundRow
{
    public string RequestId { get; set; } = "";
    public string Order { get; set; } = "";
    public string? PayguruCode { get; set; }
    public string? ServiceCode { get; set; }
    public string Amount { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string Iban { get; set; } = "";
    public string? Reason { get; set; }
    public string State { get; set; } = "";
    public long? RefundId { get; set; }
    public string? RejectionReason { get; set; }
    public string? RejectionMessage { get; set; }
    public string? ProviderCode { get; set; }
    public string? AttemptOwner { get; set; }
    public DateTimeOffset? AttemptExpiresAt { get; set; }
    public long Attempts { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public RefundRecord ToRecord() => new()
    {
        RequestId = Guid.Parse(RequestId),
        Order = Order,
        PayguruCode = PayguruCode,
        ServiceCode = ServiceCode,
        Amount = Amount,
        ContactName = ContactName,
        Iban = Iban,
        Reason = Reason,
        State = State,
        RefundId = RefundId,
        RejectionReason = RejectionReason,
        RejectionMessage = RejectionMessage,
        ProviderCode = ProviderCode,
        AttemptOwner = AttemptOwner,
        AttemptExpiresAt = AttemptExpiresAt,
        Attempts = (int)Attempts,
        RequestedAt = RequestedAt,
        UpdatedAt = UpdatedAt,
    };
}
