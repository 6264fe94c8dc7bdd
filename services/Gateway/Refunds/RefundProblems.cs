using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Refunds;

/// <summary>The refund HTTP API's own problem answers (<c>application/problem+json</c>; a query without an answer: <see cref="Queries.QueryProblems"/>); none repeats a request's values.</summary>
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
}
