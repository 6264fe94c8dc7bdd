namespace Payguru.RefundProcessor.Payments;

/// <summary>Every payment statement: shared ones here, the dialects' own in <see cref="SqlitePaymentQueries"/> and <see cref="SqlServerPaymentQueries"/>.</summary>
public abstract class PaymentQueries
{
    /// <summary>Inserts a payment unless its txid is recorded; affects one row when it was new.</summary>
    public abstract string TryInsertPayment { get; }

    /// <summary>Inserts a status report unless (txid, status) is recorded.</summary>
    public abstract string TryInsertStatusReport { get; }

    /// <summary>The accepted payments of @Order, oldest first.</summary>
    public string SelectOfOrder => "SELECT amount AS Amount, service_code AS ServiceCode, payguru_code AS PayguruCode FROM payments WHERE order_ref = @Order ORDER BY txid;";
}
