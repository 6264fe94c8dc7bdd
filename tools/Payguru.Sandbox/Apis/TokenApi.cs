using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Tokens;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary><c>/phs/getToken</c> and <c>/phs/getToken/check</c> (docs/protocol.md §1), GET or POST.</summary>
public static class TokenApi
{
    static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/phs/getToken", GetOrPost, GetTokenAsync).WithFaults(ProviderEndpoint.GetToken).DisableAntiforgery();
        app.MapMethods("/phs/getToken/check", GetOrPost, CheckAsync).WithFaults(ProviderEndpoint.CheckToken).DisableAntiforgery();
        return app;
    }

    /// <summary>A new token for a merchant whose key is md5(merchantId + serverIp + merchantKey).</summary>
    static async Task<Ok<TokenAnswer>> GetTokenAsync(
        HttpRequest request, MerchantDirectory merchants, TokenBook tokens, CancellationToken cancellationToken)
    {
        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<TokenAnswer>("malformed body"));
        }

        if (fields.FirstMissing("merchant", "key") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<TokenAnswer>($"{missing} required"));
        }

        // An unknown merchant gets the same answer as a wrong key: the answer tells nothing about which merchants exist.
        var merchant = merchants.Find(fields["merchant"]);
        if (merchant is null || !Md5Key.Matches(PayguruKeys.Token(merchant.Id, merchant.ServerIp, merchant.Secret.Key), fields["key"]))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<TokenAnswer>("key not true"));
        }

        var token = tokens.Issue(merchant.Id);
        return TypedResults.Ok(new TokenAnswer { Status = PayguruStatusCodes.Success, Message = PayguruAnswers.SuccessMessage, Token = token });
    }

    /// <summary>"000" while the token works for the merchant, ERR_016 once it does not.</summary>
    static async Task<Ok<PayguruResult>> CheckAsync(HttpRequest request, TokenBook tokens, CancellationToken cancellationToken)
    {
        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>("malformed body"));
        }

        if (fields.FirstMissing("merchant", "token") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>($"{missing} required"));
        }

        return TypedResults.Ok(tokens.IsValid(fields["merchant"], fields["token"])
            ? PayguruAnswers.Success<PayguruResult>()
            : PayguruAnswers.InvalidToken<PayguruResult>());
    }
}
