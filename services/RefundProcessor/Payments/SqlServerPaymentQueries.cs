namespace Payguru.RefundProcessor.Payments;

/// <summary>Insert-unless-present under UPDLOCK, HOLDLOCK: a concurrent recorder of the same fact waits, then inserts nothing.</summary>
public sealed class SqlServerPaymentQueries : PaymentQueries
{
    public override string TryInsertPayment => """
        INSERT INTO payments (txid, payguru_code, order_ref, amount, service_code, bank, transaction_time, recorded_at)
        SELECT @Txid, @PayguruCode, @Order, @Amount, @ServiceCode, @Bank, @TransactionTime, @RecordedAt
        WHERE NOT EXISTS (SELECT 1 FROM payments WITH (UPDLOCK, HOLDLOCK) WHERE txid = @Txid);
        """;

    public override string TryInsertStatusReport => """
        INSERT INTO payment_status_reports (txid, status, payguru_code, order_ref, amount, service_code, bank, transaction_time, recorded_at)
        SELECT @Txid, @Status, @PayguruCode, @Order, @Amount, @ServiceCode, @Bank, @TransactionTime, @RecordedAt
        WHERE NOT EXISTS (SELECT 1 FROM payment_status_reports WITH (UPDLOCK, HOLDLOCK) WHERE txid = @Txid AND status = @Status);
        """;
}
