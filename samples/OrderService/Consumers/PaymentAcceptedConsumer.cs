using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;

namespace OrderService.Consumers;

/// <summary>
/// A payment was accepted. Logs it and, when <c>OrderService:RefundOnPayment</c> is set, asks for a refund of that
/// amount with a key derived from the txid (a redelivered event asks again with the same key: still one refund).
/// </summary>
public sealed class PaymentAcceptedConsumer(IOptions<OrderServiceSettings> settings, ILogger<PaymentAcceptedConsumer> logger)
    : IConsumer<PaymentAccepted>
{
    public async Task Consume(ConsumeContext<PaymentAccepted> context)
    {
        var payment = context.Message;
        logger.LogInformation(
            "PaymentAccepted: txid {Txid}, order {Order}, {Amount} via {ServiceCode} (Payguru {PayguruCode}, message {MessageId})",
            payment.Txid, payment.Order, payment.Amount, payment.ServiceCode, payment.PayguruCode, context.MessageId);

        var options = settings.Value;
        if (options.RefundOnPayment is not { } amount || amount <= 0)
        {
            return;
        }

        var refund = new RequestRefund(
            RefundRequests.ForPayment(payment.Txid),
            payment.Order,
            payment.PayguruCode,
            payment.ServiceCode,
            amount,
            options.ContactName,
            options.Iban,
            Reason: "OrderService sample: refund on payment");

        // Published: the bus's topology binds RequestRefund to the processor's command queue (OrderServiceBus).
        await context.Publish(refund, context.CancellationToken);

        // RequestRefund.ToString leaves out the contact name and the IBAN.
        logger.LogInformation("Sent {RequestRefund}", refund);
    }
}
