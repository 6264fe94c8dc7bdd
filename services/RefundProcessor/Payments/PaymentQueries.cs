namespace Payguru.RefundProcessor.Payments;

/// <summary>Every payment statement: shared ones here, the dialects' own in <see cref="SqlitePaymentQueries"/> and <see cref="SqlServerPaymentQueries"/>.</summary>
public abstract class PaymentQueries
{
    public abstract string TryInsertPayment { get; }

    public abstract string TryInsertStatusReport { get; }

    public string SelectOfOrder => "SELECT amount AS Amount, service_code AS ServiceCode, payguru_code AS PayguruCode FROM payments WHERE order_ref = @Order ORDER BY txid;";
}
