namespace Payguru.RefundProcessor.Options;

/// <summary>How sub-merchant registrations are retried, bound from the <c>SubMerchants</c> configuration section.</summary>
public sealed class SubMerchantOptions
{
    public const string SectionName = "SubMerchants";

    /// <summary>
    /// <c>SubMerchants:RecheckAfter</c>: after a member call whose outcome is unknown (timeout, lost
    /// answer), how long to wait before calling again; also how long past the call's deadline the
    /// attempt of a crashed instance stays untouched.
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>SubMerchants:SweepInterval</c>: how often registrations left accepted or mid-attempt are picked up.
    /// An accepted registration is left to the member call after its commit for one interval.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
