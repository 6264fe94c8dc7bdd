using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Testing.Consumers;
using Payguru.Contracts.Testing.StandIns;

namespace Payguru.Contracts.Testing;

/// <summary>Adds the stand-ins of the refund processor to a service's bus registration, typically in <c>AddMassTransitTestHarness</c>.</summary>
public static class PayguruStandInRegistration
{
    /// <summary>
    /// Registers consumers that answer <see cref="RequestRefund"/>, <see cref="GetRefund"/>, <see cref="RegisterOrderIdentity"/>,
    /// <see cref="RegisterSubMerchant"/> and <see cref="IssueClientToken"/> as the processor does, on the processor's queue
    /// names (so a send to <c>queue:refund-processor-refunds</c> and a publish both reach them), and that learn payments from
    /// <c>PaymentAccepted</c> and refund reports from <see cref="RefundSettled"/> as it does, when the test publishes them. The provider's side is scripted
    /// through <see cref="PayguruStandIn"/>, resolved from the container.
    /// </summary>
    public static IBusRegistrationConfigurator AddPayguruStandIns(this IBusRegistrationConfigurator bus, Action<PayguruStandInOptions>? configure = null)
    {
        var options = new PayguruStandInOptions();
        configure?.Invoke(options);
        bus.TryAddSingleton(options);
        bus.TryAddSingleton<PayguruStandIn>();

        bus.AddConsumer<RequestRefundStandIn>().Endpoint(e => e.Name = RefundEndpoints.RequestRefundQueue);
        bus.AddConsumer<GetRefundStandIn>().Endpoint(e => e.Name = RefundEndpoints.QueriesQueue);
        bus.AddConsumer<RegisterOrderIdentityStandIn>().Endpoint(e => e.Name = IdentityEndpoints.RegisterQueue);
        bus.AddConsumer<RegisterSubMerchantStandIn>().Endpoint(e => e.Name = PaywallEndpoints.SubMerchantsQueue);
        bus.AddConsumer<IssueClientTokenStandIn>().Endpoint(e => e.Name = PaywallEndpoints.ClientTokensQueue);
        bus.AddPublishObserver<ProviderReportsObserver>();
        return bus;
    }
}
