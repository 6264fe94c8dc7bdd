namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sub-merchant statements that differ between dialects.</summary>
public interface ISubMerchantQueries
{
    /// <summary>Up to @Limit registrations (member_external_id, state) waiting for an attempt (accepted) or whose attempt expired before @Now, oldest first.</summary>
    string SelectSweepable { get; }
}
