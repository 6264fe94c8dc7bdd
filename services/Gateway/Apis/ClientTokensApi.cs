using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Paywall;
using Payguru.Gateway.Options;
using Payguru.Gateway.Paywall;
using Payguru.Gateway.Queries;
using Payguru.Gateway.Requests;
using Payguru.Gateway.Security;

namespace Payguru.Gateway.Apis;

/// <summary>
/// <c>POST /client-tokens</c>: a Paywall token for a browser or app, for internal services that do
/// not speak the bus. The request becomes an <see cref="IssueClientToken"/> the processor answers
/// after asking Paywall. Every call needs a key of <c>Gateway:ApiKeys</c> in <c>X-Api-Key</c>.
/// </summary>
public static class ClientTokensApi
{
    public const string Path = "/client-tokens";

    public static IEndpointRouteBuilder MapClientTokensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync)
            .WithTags("Paywall")
            .AddEndpointFilter<ApiKeyFilter>()
            .WithName("IssueClientToken")
            .WithSummary("Issue a Paywall client token")
            .WithDescription(
                "Asks Paywall (through the processor) for a short-lived token for client-side card saving or 3D Secure. " +
                "Each call is a new token. 400 names each bad field; 502 carries Paywall's error code and message when Paywall refused " +
                "or gave no answer; 503 when Paywall is not configured or the processor cannot be asked; 504 when the processor did not " +
                "answer within Gateway:ClientTokenTimeout.")
            .Accepts<ClientTokenRequestBody>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        return app;
    }

    static async Task<Results<Ok<ClientTokenAnswer>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        HttpContext http,
        IRequestClient<IssueClientToken> client,
        IOptions<GatewayOptions> options,
        IOptions<RequestLimitsOptions> limits,
        ILoggerFactory loggers,
        CancellationToken requestAborted)
    {
        var logger = loggers.CreateLogger(typeof(ClientTokensApi));
        var read = await ClientTokenRequestReader.ReadAsync(http.Request, limits.Value.ClientTokenBodyBytes, requestAborted);
        if (!read.Succeeded)
        {
            ClientTokenApiLog.BadRequest(logger, string.Join(", ", read.Errors.Keys));
            return RequestProblems.Refused<Ok<ClientTokenAnswer>, IssueClientToken>(read, "The client token request is not valid");
        }

        var request = read.Value;
        var timeout = options.Value.ClientTokenTimeout;
        // The request expires after the timeout, so a late processor asks Paywall for nothing.
        var result = await ProcessorQuery.AskAsync<IssueClientToken, ClientTokenIssued, ClientTokenRefused>(
            client, request, timeout, timeout + TimeSpan.FromSeconds(1), requestAborted);
        if (result.Failure != QueryFailure.None)
        {
            ClientTokenApiLog.Failed(logger, result.Why(timeout));
            return QueryProblems.For(result.Failure, timeout, "Gateway:ClientTokenTimeout");
        }

        if (result.Response.Is(out Response<ClientTokenIssued>? issued))
        {
            ClientTokenApiLog.Issued(logger, request.ExpiryMin, request.ClientCardSave, request.ThreeDSession, issued.Message.ExpiresAt);
            // A credential: no cache may keep it.
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new ClientTokenAnswer(issued.Message.Token, issued.Message.ExpiresAt));
        }

        result.Response.Is(out Response<ClientTokenRefused>? refused);
        ClientTokenApiLog.Refused(logger, refused!.Message.Reason, refused.Message.Message);
        return ClientTokenProblems.Refused(refused.Message);
    }
}
