namespace Payguru.Gateway.Security;

/// <summary>
/// Lets a request through only with a valid <c>X-Api-Key</c> header (<see cref="ApiKeyVerifier"/>);
/// otherwise answers 401 with a problem detail that says what is wrong and never echoes the key.
/// With no <c>Gateway:ApiKeys</c> configured every request is refused, saying so.
/// </summary>
public sealed class ApiKeyFilter(ApiKeyVerifier verifier, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var refusal = Refusal(request);
        if (refusal is null)
        {
            return await next(context);
        }

        ApiKeyLog.Refused(logger, request.Method, request.Path, refusal);
        return TypedResults.Problem(title: "Unauthorized", detail: refusal, statusCode: StatusCodes.Status401Unauthorized);
    }

    string? Refusal(HttpRequest request)
    {
        if (!verifier.HasKeys)
        {
            return "no API keys are configured (Gateway:ApiKeys): the gateway refuses every request to this API";
        }

        var presented = request.Headers[ApiKeyVerifier.HeaderName];
        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            return $"an API key is required in the {ApiKeyVerifier.HeaderName} header";
        }

        if (presented.Count > 1 || !verifier.IsValid(presented[0]))
        {
            return $"the {ApiKeyVerifier.HeaderName} header does not hold a valid API key";
        }

        return null;
    }
}
