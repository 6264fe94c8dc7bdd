using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Payments;

namespace Payguru.Gateway.Apis;

/// <summary><c>/PhsNotifyService</c>: Payguru's payment notifications in, payment events out.</summary>
public static class PaymentNotificationApi
{
    public const string Path = "/PhsNotifyService";

    public static IEndpointRouteBuilder MapPaymentNotificationApi(this IEndpointRouteBuilder app)
    {
        app.MapCallback<PaymentNotification>(Path, "payment notification", PaymentNotificationParser.Parse)
            .WithName("PaymentNotification");
        return app;
    }
}
