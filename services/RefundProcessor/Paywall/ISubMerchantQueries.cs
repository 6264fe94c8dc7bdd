namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sub-merchant statements that differ between dialects.</summary>
public interface ISubMerchantQueries
{
    /// <summary>
    /// Up to @Limit registrations (member_external_id, state) waiting for an attempt (accepted at or before
    /// @AcceptedBefore, round-trip UTC text) or whose attempt expired before @Now, oldest first.
    /// </summary>
    string SelectSweepable { get; }
}
