using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Payments;

/// <summary>A payment as the processor records it.</summary>
public sealed record Payment(
    long Txid, string PayguruCode, string Order, decimal Amount, string ServiceCode, string Bank, DateTimeOffset TransactionTime)
{
    public static Payment From(PaymentAccepted message) => new(
        message.Txid, message.PayguruCode, message.Order, message.Amount, message.ServiceCode, message.Bank, message.TransactionTime);
}
