namespace Payguru.RefundProcessor.Options;

/// <summary>How sub-merchant registrations are retried, bound from the <c>SubMerchants</c> configuration section.</summary>
public sealed class SubMerchantOptions
{
    public const string SectionName = "SubMerchants";

    /// <summary>After an unknown member call outcome, how long to wait before calling again; also how long past the call's deadline a crashed instance's attempt stays untouched.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often registrations left accepted or mid-attempt are picked up; a new one is left to the call after its commit for one interval.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
