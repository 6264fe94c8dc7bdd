using Microsoft.AspNetCore.Http.HttpResults;

namespace Payguru.Gateway.Queries;

/// <summary>
/// The HTTP API's answer when the processor gave none (<c>application/problem+json</c>): 504 no answer within
/// its timeout setting, 502 its consumer failed, 503 it could not be asked. Used by every query endpoint.
/// </summary>
public static class QueryProblems
{
    public static ProblemHttpResult For(QueryFailure failure, TimeSpan timeout, string timeoutSetting) => failure switch
    {
        QueryFailure.NoAnswer => TypedResults.Problem(
            title: "No answer",
            detail: $"the processor did not answer within {timeout.TotalSeconds:0.###} s ({timeoutSetting}), try again later",
            statusCode: StatusCodes.Status504GatewayTimeout),
        QueryFailure.Faulted => TypedResults.Problem(
            title: "Query failed",
            detail: "the processor failed to answer",
            statusCode: StatusCodes.Status502BadGateway),
        _ => TypedResults.Problem(
            title: "Query failed",
            detail: "the processor could not be asked, try again later",
            statusCode: StatusCodes.Status503ServiceUnavailable),
    };
}
