using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Identity;
using Payguru.Gateway.Callbacks;
using Payguru.Gateway.Identity;
using Payguru.Gateway.Options;
using Payguru.Gateway.Publishing;
using Payguru.Gateway.Queries;
using Payguru.Gateway.Telemetry;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Apis;

/// <summary>
/// <c>/TCKNVerifyService</c> (docs/protocol.md §3): Payguru's identity check. <c>verify</c> asks the
/// refund processor over the bus for the order's <c>md5(TCKN + service key)</c> and answers the protocol's
/// JSON; <c>verified</c> and <c>unverified</c> are published like the other callbacks.
/// </summary>
public static class IdentityVerificationApi
{
    public const string Path = "/TCKNVerifyService";

    const string CallbackName = "TCKN verification";

    public static IEndpointRouteBuilder MapIdentityVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithName("TcknVerification")
            .WithCallbackConventions();
        return app;
    }

    static async Task<Results<JsonHttpResult<TcknVerifyAnswer>, ContentHttpResult>> HandleAsync(
        HttpRequest request,
        IOptions<PayguruOptions> payguru,
        IOptions<GatewayOptions> gateway,
        IOptions<RequestLimitsOptions> limits,
        IRequestClient<GetIdentityAnswer> client,
        ConfirmedPublisher publisher,
        GatewayMetrics metrics,
        ILoggerFactory loggers,
        CancellationToken requestAborted)
    {
        var logger = loggers.CreateLogger(typeof(IdentityVerificationApi));
        var (fields, refused) = await CallbackEndpoint.ReadFieldsAsync<IdentityNotification>(request, limits.Value, CallbackName, metrics, logger, requestAborted);
        if (refused is not null)
        {
            return refused;
        }

        switch (fields!["notification_type"])
        {
            case IdentityNotificationTypes.Verify:
                return await VerifyAsync(fields, payguru.Value, gateway.Value.IdentityTimeout, client, logger, requestAborted);
            case IdentityNotificationTypes.Verified or IdentityNotificationTypes.Unverified:
                return await CallbackEndpoint.HandleAsync(
                    fields, CallbackName, f => IdentityNotificationParser.Parse(f, payguru.Value), publisher, metrics, logger, requestAborted);
            default:
                return CallbackEndpoint.Refuse<IdentityNotification>(
                    CallbackName, "notification_type must be verify, verified or unverified", metrics, logger);
        }
    }

    /// <summary>
    /// Asks the processor for the hash of the order under the service whose key matched, the whole wait
    /// bounded by <c>Gateway:IdentityTimeout</c> (an unreachable broker included). A refused call asks nothing.
    /// </summary>
    static async Task<JsonHttpResult<TcknVerifyAnswer>> VerifyAsync(
        WireFields fields,
        PayguruOptions payguru,
        TimeSpan timeout,
        IRequestClient<GetIdentityAnswer> client,
        ILogger logger,
        CancellationToken requestAborted)
    {
        var parsed = IdentityVerifyParser.Parse(fields, payguru);
        if (!parsed.Succeeded)
        {
            CallbackLog.Refused(logger, CallbackName, parsed.Error);
            return TcknVerifyAnswers.Refused();
        }

        var (order, serviceCode) = parsed.Value;
        var result = await ProcessorQuery.AskAsync<GetIdentityAnswer, IdentityAnswer, IdentityAnswerNotFound>(
            client, new GetIdentityAnswer(order, serviceCode), timeout, timeout, requestAborted);
        if (result.Failure != QueryFailure.None)
        {
            IdentityVerificationLog.NoAnswer(logger, order, serviceCode, result.Why(timeout));
            return TcknVerifyAnswers.NoAnswer();
        }

        if (result.Response.Is(out Response<IdentityAnswer>? known))
        {
            IdentityVerificationLog.Known(logger, order, serviceCode);
            return TcknVerifyAnswers.Known(known.Message.TcknHash);
        }

        IdentityVerificationLog.Unknown(logger, order, serviceCode);
        return TcknVerifyAnswers.Unknown();
    }
}
