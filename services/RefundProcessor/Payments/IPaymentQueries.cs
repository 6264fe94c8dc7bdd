namespace Payguru.RefundProcessor.Payments;

/// <summary>The payment statements that differ between dialects.</summary>
public interface IPaymentQueries
{
    /// <summary>Inserts a payment unless its txid is recorded; affects one row when it was new.</summary>
    string TryInsertPayment { get; }

    /// <summary>Inserts a status report unless (txid, status) is recorded.</summary>
    string TryInsertStatusReport { get; }
}
