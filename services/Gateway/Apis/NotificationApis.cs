using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Payments;
using Payguru.Gateway.Refunds;

namespace Payguru.Gateway.Apis;

/// <summary>Payguru's payment and refund notifications in, their events out, by the flow of <see cref="CallbackEndpoint"/>.</summary>
public static class NotificationApis
{
    public static IEndpointRouteBuilder MapNotificationApis(this IEndpointRouteBuilder app)
    {
        app.MapCallback<PaymentNotification>("/PhsNotifyService", "payment notification", PaymentNotificationParser.Parse)
            .WithName("PaymentNotification");
        app.MapCallback<RefundNotification>("/PhsRefundNotifyService", "refund notification", RefundNotificationParser.Parse)
            .WithName("RefundNotification");
        return app;
    }
}
