using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Tokens;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// State a test or a benchmark needs without going through the flows: a token of its choosing
/// (<c>/_sandbox/tokens</c>) and a payment Payguru knows of (<c>/_sandbox/payments</c>).
/// </summary>
public static class SeedAdminApi
{
    public static IEndpointRouteBuilder MapSeedAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapPost("/tokens", PlantToken);
        admin.MapPost("/payments", SeedPayment);
        return app;
    }

    static Results<Ok<TokenPlantedAnswer>, ValidationProblem> PlantToken(
        TokenPlantRequest request, MerchantDirectory merchants, TokenBook tokens, SandboxSettings settings)
    {
        var merchant = request.Merchant is null ? merchants.Default : merchants.Find(request.Merchant);
        if (merchant is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["merchant"] = ["is not a configured merchant"] });
        }

        if (string.IsNullOrWhiteSpace(request.Token) || request.Lifetime <= TimeSpan.Zero)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["a token, and a lifetime more than zero if given"] });
        }

        var issued = tokens.Plant(merchant.Id, request.Token, request.Lifetime ?? settings.Current.TokenLifetime);
        return TypedResults.Ok(new TokenPlantedAnswer(merchant.Id, issued.ExpiresAt));
    }

    static Results<Ok<Payment>, ValidationProblem> SeedPayment(
        PaymentSeedRequest request, MerchantDirectory merchants, PaymentBook payments, TurkeyClock clock, SandboxStats stats)
    {
        var errors = new Dictionary<string, string[]>();
        var merchant = request.Merchant is null ? merchants.Default : merchants.Find(request.Merchant);
        var service = merchant is null ? null : request.Service is null ? merchant.Services[0] : merchant.FindService(request.Service);
        if (merchant is null)
        {
            errors["merchant"] = ["is not a configured merchant"];
        }
        else if (service is null)
        {
            errors["service"] = ["is not one of the merchant's services"];
        }

        if (string.IsNullOrWhiteSpace(request.Order))
        {
            errors["order"] = ["is required"];
        }

        if (request.Amount is null || !WireValues.IsPositiveAmount(request.Amount))
        {
            errors["amount"] = ["is required, written like 10.50"];
        }

        if (request.Tckno is { } tckno && (tckno.Length == 0 || !tckno.All(char.IsAsciiDigit)))
        {
            errors["tckno"] = ["must be digits"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var txid = payments.NextTxid();
        var payment = new Payment(
            txid, merchant!.Id, service!.Code, request.Code ?? $"PG-{txid.ToString(CultureInfo.InvariantCulture)}", request.Order!,
            request.Amount!, request.Status ?? 3, clock.NowText, request.Bank ?? "ziraatbank", request.Tckno);
        payments.Record(payment);
        stats.PaymentRecorded();
        return TypedResults.Ok(payment);
    }
}
