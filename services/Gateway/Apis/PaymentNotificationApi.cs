using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payguru.Api.Configuration;
using Payguru.Api.Wire;
using Payguru.Api.Wire.Http;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Payments;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Apis;

/// <summary><c>/PhsNotifyService</c>: Payguru's payment notifications in, payment events out.</summary>
public static class PaymentNotificationApi
{
    public static IEndpointRouteBuilder MapPaymentNotificationApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/PhsNotifyService", [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithName("PaymentNotification")
            .DisableAntiforgery();
        return app;
    }

    static async Task<ContentHttpResult> HandleAsync(
        HttpRequest request,
        IOptions<PayguruOptions> payguru,
        ConfirmedPublisher publisher,
        ILogger<PaymentNotification> logger,
        CancellationToken cancellationToken)
    {
        WireFields fields;
        try
        {
            fields = await WireFieldsReader.ReadAsync(request, cancellationToken);
        }
        catch (WireFormatException exception)
        {
            PaymentNotificationLog.Refused(logger, exception.Message);
            return CallbackAnswers.Refused(exception.Message);
        }

        var parsed = PaymentNotificationParser.Parse(fields, payguru.Value);
        if (!parsed.Succeeded)
        {
            PaymentNotificationLog.Refused(logger, parsed.Error);
            return CallbackAnswers.Refused(parsed.Error);
        }

        var notification = parsed.Value;
        var message = notification.ToMessage();
        var outcome = await publisher.PublishAsync(message, notification.MessageId, cancellationToken);
        PaymentNotificationLog.Handled(
            logger, notification.Txid, notification.Status, notification.Order, notification.ServiceCode, message.GetType().Name, outcome);
        return CallbackAnswers.For(outcome);
    }
}
