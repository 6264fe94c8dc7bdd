using MassTransit;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Payments;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// A test-only consumer that changes state like the real ones (a payment through the unit of
/// work) and then fails its first attempt. The order reference names the attempt that wrote it.
/// </summary>
public sealed class FailingOnceConsumer(UnitOfWork unitOfWork, PaymentStore payments) : IConsumer<RecordPaymentFailingOnce>
{
    public async Task Consume(ConsumeContext<RecordPaymentFailingOnce> context)
    {
        var attempt = context.GetRetryAttempt();
        await payments.TryRecordAsync(
            unitOfWork.Transaction,
            new Payment(context.Message.Txid, "PG-FLAKY", $"attempt-{attempt}", 1m, "svc-flaky", "0010", DateTimeOffset.UnixEpoch));
        if (attempt == 0)
        {
            throw new InvalidOperationException("the first attempt fails after writing");
        }
    }
}
