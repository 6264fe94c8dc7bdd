using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Refunds;

namespace Payguru.Gateway.Apis;

/// <summary><c>/PhsRefundNotifyService</c>: Payguru's refund notifications in, <c>RefundSettled</c> out.</summary>
public static class RefundNotificationApi
{
    public const string Path = "/PhsRefundNotifyService";

    public static IEndpointRouteBuilder MapRefundNotificationApi(this IEndpointRouteBuilder app)
    {
        app.MapCallback<RefundNotification>(Path, "refund notification", RefundNotificationParser.Parse)
            .WithName("RefundNotification");
        return app;
    }
}
