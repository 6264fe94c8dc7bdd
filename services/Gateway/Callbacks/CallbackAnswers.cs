using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Callbacks;

/// <summary>
/// Payguru reads a callback's answer as text: exactly <c>OK</c> means accepted, anything else
/// means "try again later". A refusal says why in a few words and never echoes a key.
/// </summary>
public static class CallbackAnswers
{
    public static ContentHttpResult Accepted() => TypedResults.Text("OK", "text/plain", statusCode: StatusCodes.Status200OK);

    /// <summary>A refusal: 400, or the status a body that cannot be read is answered with (408 when it was sent too slowly).</summary>
    public static ContentHttpResult Refused(string reason, int statusCode = StatusCodes.Status400BadRequest) =>
        TypedResults.Text(reason, "text/plain", statusCode: statusCode);

    public static ContentHttpResult For(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Queued => Accepted(),
        PublishOutcome.Unroutable => TypedResults.Text("not queued: no queue is bound for this message", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable),
        _ => TypedResults.Text("not queued: the message broker is unavailable, try again later", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable),
    };
}
