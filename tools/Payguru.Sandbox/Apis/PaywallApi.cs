using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Wire.Paywall;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Paywall;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// Paywall (docs/protocol.md §6): <c>POST /api/paywall/temptoken</c> and <c>POST /api/paywall/member</c>,
/// JSON in, Paywall's envelope out, authenticated by <c>apikeypublic</c> and <c>apiclientpublic</c>.
/// </summary>
public static class PaywallApi
{
    public static IEndpointRouteBuilder MapPaywallApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/paywall/temptoken", TempTokenAsync).WithFaults(ProviderEndpoint.PaywallTempToken);
        app.MapPost("/api/paywall/member", MemberAsync).WithFaults(ProviderEndpoint.PaywallMember);
        return app;
    }

    static async Task<Results<Ok<PaywallEnvelope<PaywallTempTokenAnswer>>, JsonHttpResult<PaywallEnvelope<PaywallTempTokenAnswer>>>> TempTokenAsync(
        HttpRequest request, PaywallCredentials credentials, PaywallBook book, CancellationToken cancellationToken)
    {
        if (credentials.Check(request.Headers) is { } refused)
        {
            return Error<PaywallTempTokenAnswer>(PaywallAnswers.BadCredentials, refused);
        }

        // A body that is not a JSON object comes back null, with its error.
        var (body, error) = await PaywallBody.ReadAsync(request, cancellationToken);
        error ??= PaywallValidation.TempToken(body!);
        if (error is not null)
        {
            return Error<PaywallTempTokenAnswer>(PaywallAnswers.InvalidBody, error);
        }

        return TypedResults.Ok(PaywallAnswers.Success(book.IssueTempToken(body!.Bind<PaywallTempTokenRequest>())));
    }

    static async Task<Results<Ok<PaywallEnvelope<PaywallMemberAnswer>>, JsonHttpResult<PaywallEnvelope<PaywallMemberAnswer>>>> MemberAsync(
        HttpRequest request, PaywallCredentials credentials, PaywallBook book, CancellationToken cancellationToken)
    {
        if (credentials.Check(request.Headers) is { } refused)
        {
            return Error<PaywallMemberAnswer>(PaywallAnswers.BadCredentials, refused);
        }

        var (body, error) = await PaywallBody.ReadAsync(request, cancellationToken);
        error ??= PaywallValidation.Member(body!);
        if (error is not null)
        {
            return Error<PaywallMemberAnswer>(PaywallAnswers.InvalidBody, error);
        }

        var wanted = body!.Bind<PaywallMemberRequest>();
        var member = book.CreateMember(wanted);
        return member is null
            ? Error<PaywallMemberAnswer>(PaywallAnswers.Duplicate, $"A member with MemberExternalId '{wanted.MemberExternalId}' exists.")
            : TypedResults.Ok(PaywallAnswers.Success(member));
    }

    static JsonHttpResult<PaywallEnvelope<T>> Error<T>(int code, string message)
        where T : class => TypedResults.Json(PaywallAnswers.Error<T>(code, message), statusCode: code);
}
