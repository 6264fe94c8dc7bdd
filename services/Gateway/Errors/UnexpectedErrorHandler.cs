using Microsoft.AspNetCore.Diagnostics;
using Payguru.Gateway.Callbacks;

namespace Payguru.Gateway.Errors;

/// <summary>
/// The answer to an exception no endpoint handled, in every environment: a plain problem (a callback: a
/// non-OK text, so Payguru retries) that carries the request's id and nothing of the exception; the
/// exception is logged under that id. A request Kestrel refuses while it is read keeps Kestrel's 4xx
/// status; a caller that went away gets nothing.
/// </summary>
public sealed class UnexpectedErrorHandler(ILogger<UnexpectedErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            UnexpectedErrorLog.CallerGone(logger, context.TraceIdentifier);
            return true;
        }

        var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        var id = context.TraceIdentifier;
        if (status >= StatusCodes.Status500InternalServerError)
        {
            UnexpectedErrorLog.Failed(logger, id, exception);
        }
        else
        {
            UnexpectedErrorLog.Refused(logger, id, status);
        }

        var detail = status >= StatusCodes.Status500InternalServerError
            ? $"the request could not be handled; it is logged as {id}"
            : "the request could not be read";
        context.Response.StatusCode = status;
        // The middleware clears the endpoint before handlers run; the feature keeps the one that threw.
        if (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<CallbackEndpointMetadata>() is not null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"not processed: {detail}", cancellationToken);
            return true;
        }

        await TypedResults.Problem(title: status >= 500 ? "Unexpected error" : "Bad request", detail: detail, statusCode: status)
            .ExecuteAsync(context);
        return true;
    }
}
