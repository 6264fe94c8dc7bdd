namespace Payguru.RefundProcessor.Options;

/// <summary>How refunds are submitted and reconciled, bound from the <c>Refunds</c> configuration section.</summary>
public sealed class RefundOptions
{
    public const string SectionName = "Refunds";

    /// <summary>
    /// <c>Refunds:RecheckAfter</c>: after a <c>refund/create</c> whose outcome is unknown and whose
    /// refund the order's lookup did not show, how long to wait before looking again and, when still
    /// nothing is there, creating it again. Also how long past the call's timeout an attempt of a
    /// crashed instance stays untouched. Long enough for a slow Payguru to finish a create.
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <c>Refunds:SweepInterval</c>: how often refunds left accepted or mid-attempt (a crash, a lost answer)
    /// are picked up. An accepted refund is left to the submit after its commit for one interval.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Refunds:ReconcileAfter</c>: a submitted refund without a final result from Payguru's
    /// notifications is asked for with <c>refund/get</c> once it is this old, and again at most this often.
    /// </summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>Refunds:ReconcileInterval</c>: how often the reconciliation poller looks for such refunds.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Refunds:ReconcileBatchSize</c>: how many refunds one poll asks for at most.</summary>
    public int ReconcileBatchSize { get; set; } = 100;
}
