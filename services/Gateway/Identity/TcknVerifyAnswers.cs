using Microsoft.AspNetCore.Http.HttpResults;

namespace Payguru.Gateway.Identity;

/// <summary>
/// The HTTP answers to a <c>verify</c> call. Every one carries the protocol's JSON; the status code tells
/// Payguru (and monitoring) why a <c>false</c> came: 200 the order has no identity, 400 the call is not
/// genuine or incomplete, 503 the processor did not answer in time (asking again may work).
/// </summary>
public static class TcknVerifyAnswers
{
    public static JsonHttpResult<TcknVerifyAnswer> Known(string tcknHash) => TypedResults.Json(new TcknVerifyAnswer(true, tcknHash));

    public static JsonHttpResult<TcknVerifyAnswer> Unknown() => TypedResults.Json(TcknVerifyAnswer.Unknown);

    public static JsonHttpResult<TcknVerifyAnswer> Refused() =>
        TypedResults.Json(TcknVerifyAnswer.Unknown, statusCode: StatusCodes.Status400BadRequest);

    public static JsonHttpResult<TcknVerifyAnswer> NoAnswer() =>
        TypedResults.Json(TcknVerifyAnswer.Unknown, statusCode: StatusCodes.Status503ServiceUnavailable);
}
