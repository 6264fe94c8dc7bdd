using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Refunds;

/// <summary>The refund HTTP API's problem answers (<c>application/problem+json</c>); none repeats a request's values.</summary>
public static class RefundProblems
{
    public static ProblemHttpResult NotQueued(PublishOutcome outcome) => TypedResults.Problem(
        title: "Not queued",
        detail: outcome == PublishOutcome.Unroutable
            ? "not queued: no queue is bound for the refund request, try again later"
            : "not queued: the message broker is unavailable, try again later",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ProblemHttpResult NotFound(Guid refundRequestId) => TypedResults.Problem(
        title: "Not found",
        detail: $"no refund was requested with refundRequestId {refundRequestId}",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult NoAnswer(TimeSpan timeout) => TypedResults.Problem(
        title: "No answer",
        detail: $"the refund processor did not answer within {timeout.TotalSeconds:0.###} s (Gateway:QueryTimeout), try again later",
        statusCode: StatusCodes.Status504GatewayTimeout);

    public static ProblemHttpResult QueryFailed() => TypedResults.Problem(
        title: "Query failed",
        detail: "the refund processor could not be asked, try again later",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    public static ProblemHttpResult ProcessorFailed() => TypedResults.Problem(
        title: "Query failed",
        detail: "the refund processor failed to answer the query",
        statusCode: StatusCodes.Status502BadGateway);
}
