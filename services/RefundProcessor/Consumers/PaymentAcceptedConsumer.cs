using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Payments;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Records an accepted payment, so refunds of its order can be checked against it.</summary>
public sealed class PaymentAcceptedConsumer(UnitOfWork unitOfWork, PaymentStore payments, ILogger<PaymentAcceptedConsumer> logger)
    : IConsumer<PaymentAccepted>
{
    public async Task Consume(ConsumeContext<PaymentAccepted> context)
    {
        var message = context.Message;
        if (await payments.TryRecordAsync(unitOfWork.Transaction, Payment.From(message)))
        {
            logger.LogInformation(
                "Recorded payment {Txid}: order {Order}, {Amount} via {ServiceCode}", message.Txid, message.Order, message.Amount, message.ServiceCode);
        }
        else
        {
            logger.LogInformation("Payment {Txid} was already recorded", message.Txid);
        }
    }
}
