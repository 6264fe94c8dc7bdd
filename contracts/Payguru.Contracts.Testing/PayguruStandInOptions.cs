namespace Payguru.Contracts.Testing;

/// <summary>How the stand-ins are set up: what the real processor reads from its configuration and Payguru gives.</summary>
public sealed class PayguruStandInOptions
{
    /// <summary>
    /// The configured Payguru service codes (the processor's <c>Payguru:Services:N:Code</c>): <c>DEMO</c>, the sandbox's, by default;
    /// <c>Clear()</c> it first to configure others.
    /// </summary>
    public IList<string> ServiceCodes { get; } = ["DEMO"];

    /// <summary>The first refund id Payguru gives; the next are one more each (as the sandbox's <c>Sandbox:FirstRefundId</c>, default 1).</summary>
    public long FirstRefundId { get; set; } = 1;

    /// <summary>The first Paywall member id of a registered sub-merchant; the next are one more each.</summary>
    public long FirstMemberId { get; set; } = 1;

    /// <summary>The first client token's <c>TempTokenId</c>; the next are one more each.</summary>
    public long FirstTempTokenId { get; set; } = 1;
}
