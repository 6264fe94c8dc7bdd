namespace Payguru.RefundProcessor.Paywall;

/// <summary>A <c>sub_merchants</c> row as the database gives it, read by Dapper.</summary>
sealed class SubMerchantRow
{
    public string MemberExternalId { get; set; } = "";
    public long Registration { get; set; }
    public string State { get; set; } = "";
    public string MemberName { get; set; } = "";
    public string? Request { get; set; }
    public long? PaywallMemberId { get; set; }
    public long OutcomeUnknown { get; set; }
    public string? RejectionReason { get; set; }
    public string? RejectionMessage { get; set; }
    public long? PaywallErrorCode { get; set; }
    public long Attempts { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public SubMerchantRecord ToRecord() => new()
    {
        MemberExternalId = MemberExternalId,
        Registration = (int)Registration,
        State = State,
        MemberName = MemberName,
        Request = Request,
        PaywallMemberId = PaywallMemberId,
        OutcomeUnknown = OutcomeUnknown != 0,
        RejectionReason = RejectionReason,
        RejectionMessage = RejectionMessage,
        PaywallErrorCode = (int?)PaywallErrorCode,
        Attempts = (int)Attempts,
        RequestedAt = RequestedAt,
        UpdatedAt = UpdatedAt,
    };
}
