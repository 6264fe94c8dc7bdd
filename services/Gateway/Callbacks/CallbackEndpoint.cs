using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Options;
using Payguru.Gateway.Publishing;
using Payguru.Gateway.Requests;
using Payguru.Gateway.Telemetry;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Callbacks;

/// <summary>
/// The flow every Payguru callback shares: read the fields (GET query, POST form or POST JSON),
/// parse them and verify the key, publish the message (mandatory, confirmed, bounded by
/// <c>Gateway:PublishTimeout</c>), log, and answer as Payguru reads answers (<see cref="CallbackAnswers"/>):
/// <c>OK</c> only once the message is queued, 400 with a reason for a call that must not be
/// accepted (nothing published), 503 otherwise so that Payguru tries again. Each answer is counted
/// in <see cref="GatewayMetrics"/>.
/// </summary>
public static class CallbackEndpoint
{
    /// <param name="name">Describes the callback in log lines ("payment notification").</param>
    public static RouteHandlerBuilder MapCallback<TNotification>(
        this IEndpointRouteBuilder app, string pattern, string name, CallbackParser<TNotification> parse)
        where TNotification : class, ICallbackNotification
    {
        return app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post],
                async (HttpRequest request, IOptions<PayguruOptions> payguru, IOptions<RequestLimitsOptions> limits, ConfirmedPublisher publisher,
                    GatewayMetrics metrics, ILogger<TNotification> logger, CancellationToken cancellationToken) =>
                {
                    var (fields, refused) = await ReadFieldsAsync<TNotification>(request, limits.Value, name, metrics, logger, cancellationToken);
                    return refused ?? await HandleAsync(fields!, name, f => parse(f, payguru.Value), publisher, metrics, logger, cancellationToken);
                })
            .WithCallbackConventions();
    }

    /// <summary>Errors answered as text; callbacks are Payguru's protocol (docs/protocol.md), outside the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithCallbackConventions(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(CallbackEndpointMetadata.Instance).DisableAntiforgery().ExcludeFromDescription();

    /// <summary>A call that breaks <c>Gateway:Limits</c> is refused (400, or 408 when sent too slowly), logged and counted.</summary>
    public static async Task<(WireFields? Fields, ContentHttpResult? Refused)> ReadFieldsAsync<TNotification>(
        HttpRequest request, RequestLimitsOptions limits, string name, GatewayMetrics metrics, ILogger logger, CancellationToken cancellationToken)
        where TNotification : class, ICallbackNotification
    {
        try
        {
            return (await WireFieldsReader.ReadAsync(request, limits.Callbacks, cancellationToken), null);
        }
        catch (WireFormatException exception)
        {
            return (null, Refuse<TNotification>(name, exception.Message, metrics, logger, exception.StatusCode));
        }
    }

    /// <summary>For an endpoint that reads the fields first to choose its flow (<c>/TCKNVerifyService</c>).</summary>
    public static async Task<ContentHttpResult> HandleAsync<TNotification>(
        WireFields fields,
        string name,
        Func<WireFields, ReadResult<TNotification>> parse,
        ConfirmedPublisher publisher,
        GatewayMetrics metrics,
        ILogger logger,
        CancellationToken cancellationToken)
        where TNotification : class, ICallbackNotification
    {
        var parsed = parse(fields);
        if (!parsed.Succeeded)
        {
            return Refuse<TNotification>(name, parsed.Error, metrics, logger);
        }

        var notification = parsed.Value;
        var message = notification.ToMessage();
        var outcome = await publisher.PublishAsync(message, notification.MessageId, cancellationToken);
        notification.LogHandled(logger, message.GetType().Name, outcome);
        metrics.NotificationPublished(TNotification.Kind, outcome);
        return CallbackAnswers.For(outcome);
    }

    public static ContentHttpResult Refuse<TNotification>(
        string name, string reason, GatewayMetrics metrics, ILogger logger, int status = StatusCodes.Status400BadRequest)
        where TNotification : ICallbackNotification
    {
        CallbackLog.Refused(logger, name, reason);
        metrics.NotificationRefused(TNotification.Kind);
        return CallbackAnswers.Refused(reason, status);
    }
}
