namespace Payguru.RefundProcessor.Options;

/// <summary>How refunds are submitted and reconciled, bound from the <c>Refunds</c> configuration section.</summary>
public sealed class RefundOptions
{
    public const string SectionName = "Refunds";

    /// <summary>
    /// After an unknown <c>refund/create</c> outcome that the order's lookup did not show, how long to wait
    /// before looking again and only then creating it again; also how long past the call's timeout a crashed
    /// instance's attempt stays untouched. Long enough for a slow Payguru to finish a create.
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often refunds left accepted or mid-attempt are picked up; a new one is left to the submit after its commit for one interval.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A submitted refund without a final result is asked for with <c>refund/get</c> once this old, and again at most this often.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int ReconcileBatchSize { get; set; } = 100;
}
