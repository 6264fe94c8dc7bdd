namespace Payguru.Contracts.Testing.StandIns;

/// <summary>What the stand-in keeps of one refund request, as the processor's <c>refunds</c> row does.</summary>
internal sealed class StandInRefund
{
    public required Guid RequestId { get; init; }

    public required string Order { get; init; }

    public required decimal Amount { get; init; }

    public string? PayguruCode { get; init; }

    public string? ServiceCode { get; init; }

    public bool Rejected { get; set; }

    public long? RefundId { get; set; }

    public int? ProviderStatus { get; set; }

    public string? RejectionReason { get; set; }

    public string? RejectionMessage { get; set; }

    public string? ProviderCode { get; set; }

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
