using Microsoft.AspNetCore.Http.HttpResults;

namespace Payguru.Gateway.Requests;

public static class RequestProblems
{
    /// <summary>
    /// A body that was not valid: a validation problem (400), or the same shape with the read's status when it
    /// could not be read at all because it arrived too slowly (408).
    /// </summary>
    public static Results<TSuccess, ValidationProblem, ProblemHttpResult> Refused<TSuccess, T>(ReadResult<T> read, string title)
        where TSuccess : IResult
        where T : class =>
        read.StatusCode == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(read.Errors!, title: title)
            : TypedResults.Problem(new HttpValidationProblemDetails(read.Errors!) { Title = title, Status = read.StatusCode });
}
