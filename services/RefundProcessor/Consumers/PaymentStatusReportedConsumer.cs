using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Payments;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Keeps notifications with a status other than accepted, so none is lost.</summary>
public sealed class PaymentStatusReportedConsumer(UnitOfWork unitOfWork, PaymentStore payments, ILogger<PaymentStatusReportedConsumer> logger)
    : IConsumer<PaymentStatusReported>
{
    public async Task Consume(ConsumeContext<PaymentStatusReported> context)
    {
        var message = context.Message;
        if (await payments.TryRecordStatusReportAsync(unitOfWork.Transaction, message))
        {
            logger.LogInformation("Recorded status {Status} of transaction {Txid} (order {Order})", message.Status, message.Txid, message.Order);
        }
    }
}
