using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;

namespace Payguru.Contracts.Testing.StandIns;

/// <summary>
/// What the processor learns from the gateway's events (a payment from <see cref="PaymentAccepted"/>, a refund's status from
/// <see cref="RefundSettled"/>), taken by the stand-in when the test publishes them, before any consumer runs: a refund the
/// service asks for on a payment is then always checked against it, whichever endpoint the harness delivers to first.
/// </summary>
internal sealed class ProviderReportsObserver(PayguruStandIn standIn) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case PaymentAccepted payment:
                standIn.Record(payment);
                break;
            case RefundSettled report:
                standIn.Record(report);
                break;
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
