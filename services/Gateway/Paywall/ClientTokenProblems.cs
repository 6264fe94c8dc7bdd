using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Contracts.Paywall;

namespace Payguru.Gateway.Paywall;

/// <summary>The client token API's answers to Paywall's refusals (<c>application/problem+json</c>; no answer at all: <see cref="Queries.QueryProblems"/>); none carries a token or a key.</summary>
public static class ClientTokenProblems
{
    /// <summary>
    /// The processor answered without a token: Paywall refused (502, with Paywall's code and message),
    /// gave no usable answer (502), or is not configured (503). <c>reason</c> is the refusal's code.
    /// </summary>
    public static ProblemHttpResult Refused(ClientTokenRefused refused)
    {
        var (status, title) = refused.Reason switch
        {
            ClientTokenRefusalReasons.PaywallNotConfigured => (StatusCodes.Status503ServiceUnavailable, "Paywall not configured"),
            ClientTokenRefusalReasons.InvalidExpiry => (StatusCodes.Status400BadRequest, "Invalid request"),
            ClientTokenRefusalReasons.PaywallError => (StatusCodes.Status502BadGateway, "Paywall refused"),
            _ => (StatusCodes.Status502BadGateway, "Paywall unavailable"),
        };
        var extensions = new Dictionary<string, object?> { ["reason"] = refused.Reason };
        if (refused.PaywallErrorCode is { } code)
        {
            extensions["paywallErrorCode"] = code;
            extensions["paywallMessage"] = refused.Message;
        }

        var detail = refused.Reason == ClientTokenRefusalReasons.PaywallError
            ? $"Paywall refused the client token: {refused.PaywallErrorCode} {refused.Message}".TrimEnd()
            : refused.Message;
        return TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: extensions);
    }
}
