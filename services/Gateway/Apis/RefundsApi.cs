using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Options;
using Payguru.Gateway.Publishing;
using Payguru.Gateway.Queries;
using Payguru.Gateway.Refunds;
using Payguru.Gateway.Requests;
using Payguru.Gateway.Security;

namespace Payguru.Gateway.Apis;

/// <summary>
/// <c>/refunds</c>: the refund API for internal services that do not speak the bus. A request
/// becomes a <see cref="RequestRefund"/> queued for the refund processor; a query asks the
/// processor over the bus. Every call needs a key of <c>Gateway:ApiKeys</c> in <c>X-Api-Key</c>.
/// </summary>
public static class RefundsApi
{
    public const string Path = "/refunds";

    public static IEndpointRouteBuilder MapRefundsApi(this IEndpointRouteBuilder app)
    {
        var refunds = app.MapGroup(Path)
            .WithTags("Refunds")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        refunds.MapPost("", RequestAsync)
            .WithName("RequestRefund")
            .WithSummary("Request a refund")
            .WithDescription(
                "Validates the request and queues a RequestRefund for the refund processor (confirmed by the broker). " +
                "202 means queued, not refunded: follow it at the Location. The same refundRequestId again makes no second refund. " +
                "400 names each bad field and never repeats the IBAN or the name; 503 means nothing was queued, try again.")
            .Accepts<RefundRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        refunds.MapGet("{refundRequestId:guid}", GetAsync)
            .WithName("GetRefund")
            .WithSummary("Where a refund request stands")
            .WithDescription(
                "Asks the refund processor over the bus. 404 when no refund was requested with this id; " +
                "504 when the processor did not answer within Gateway:QueryTimeout. A malformed id matches no route (404).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

        return app;
    }

    static async Task<Results<Accepted<RefundAccepted>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        HttpRequest request,
        IOptions<RequestLimitsOptions> limits,
        ConfirmedPublisher publisher,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(RefundsApi));
        var read = await RefundRequestReader.ReadAsync(request, limits.Value.RefundBodyBytes, cancellationToken);
        if (!read.Succeeded)
        {
            RefundApiLog.Refused(logger, string.Join(", ", read.Errors.Keys));
            return RequestProblems.Refused<Accepted<RefundAccepted>, RequestRefund>(read, "The refund request is not valid");
        }

        // The processor deduplicates on RefundRequestId; the message id only has to be unique.
        var command = read.Value;
        // Published: the gateway's topology binds RequestRefund to the processor's queue (AddGatewayBus).
        var outcome = await publisher.PublishAsync(command, NewId.NextGuid(), cancellationToken);
        RefundApiLog.Requested(logger, command.RefundRequestId, command.Order, command.Amount, command.ServiceCode ?? "service not named", outcome);
        return outcome == PublishOutcome.Queued
            ? TypedResults.Accepted($"{Path}/{command.RefundRequestId}", new RefundAccepted(command.RefundRequestId, RefundStateNames.Pending))
            : RefundProblems.NotQueued(outcome);
    }

    static async Task<Results<Ok<RefundState>, ProblemHttpResult>> GetAsync(
        Guid refundRequestId,
        IRequestClient<GetRefund> client,
        IOptions<GatewayOptions> options,
        ILoggerFactory loggers,
        CancellationToken requestAborted)
    {
        var logger = loggers.CreateLogger(typeof(RefundsApi));
        var timeout = options.Value.QueryTimeout;

        var result = await ProcessorQuery.AskAsync<GetRefund, RefundState, RefundNotFound>(
            client, new GetRefund(refundRequestId), timeout, timeout + TimeSpan.FromSeconds(1), requestAborted);
        if (result.Failure != QueryFailure.None)
        {
            RefundApiLog.QueryFailed(logger, refundRequestId, result.Why(timeout));
            return QueryProblems.For(result.Failure, timeout, "Gateway:QueryTimeout");
        }

        return result.Response.Is(out Response<RefundState>? found)
            ? TypedResults.Ok(found.Message)
            : RefundProblems.NotFound(refundRequestId);
    }
}
