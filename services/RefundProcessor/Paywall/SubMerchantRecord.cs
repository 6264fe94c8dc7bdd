namespace Payguru.RefundProcessor.Paywall;

/// <summary>A sub-merchant registration as the processor records it (table <c>sub_merchants</c>).</summary>
public sealed record SubMerchantRecord
{
    public required string MemberExternalId { get; init; }

    /// <summary>1 for the id's first registration, one more for each registration after a rejection.</summary>
    public required int Registration { get; init; }

    public required string State { get; init; }
    public required string MemberName { get; init; }

    /// <summary>Paywall's member request as JSON, kept only until the registration is decided. Personal data: never logged.</summary>
    public string? Request { get; init; }

    public long? PaywallMemberId { get; init; }

    /// <summary>An attempt may have reached Paywall without its answer: a 409 duplicate now means this registration's member.</summary>
    public bool OutcomeUnknown { get; init; }

    public string? RejectionReason { get; init; }
    public string? RejectionMessage { get; init; }
    public int? PaywallErrorCode { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    // The request holds tax and identity numbers, IBANs and an e-mail: keep it out of anything that prints a record.
    public override string ToString() => $"sub-merchant {MemberExternalId} (registration {Registration}, {State})";
}
