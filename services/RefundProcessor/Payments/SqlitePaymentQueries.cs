namespace Payguru.RefundProcessor.Payments;

public sealed class SqlitePaymentQueries : PaymentQueries
{
    public override string TryInsertPayment => """
        INSERT INTO payments (txid, payguru_code, order_ref, amount, service_code, bank, transaction_time, recorded_at)
        VALUES (@Txid, @PayguruCode, @Order, @Amount, @ServiceCode, @Bank, @TransactionTime, @RecordedAt)
        ON CONFLICT (txid) DO NOTHING;
        """;

    public override string TryInsertStatusReport => """
        INSERT INTO payment_status_reports (txid, status, payguru_code, order_ref, amount, service_code, bank, transaction_time, recorded_at)
        VALUES (@Txid, @Status, @PayguruCode, @Order, @Amount, @ServiceCode, @Bank, @TransactionTime, @RecordedAt)
        ON CONFLICT (txid, status) DO NOTHING;
        """;
}
