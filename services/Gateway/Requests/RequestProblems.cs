using Microsoft.AspNetCore.Http.HttpResults;

namespace Payguru.Gateway.Requests;

/// <summary>
/// The HTTP API's answer to a body it could not read because it arrived too slowly (408): the same validation problem shape as a 400, with the read's status.
/// </summary>
public static class RequestProblems
{
    public static bool IsUnreadable<T>(ReadResult<T> read)
        where T : class => read.StatusCode != StatusCodes.Status400BadRequest;

    public static ProblemHttpResult Unreadable<T>(ReadResult<T> read, string title)
        where T : class =>
        TypedResults.Problem(new HttpValidationProblemDetails(read.Errors!) { Title = title, Status = read.StatusCode });
}
