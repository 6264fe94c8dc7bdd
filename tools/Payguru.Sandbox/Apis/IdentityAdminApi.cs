using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Identity;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Payments;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// What Payguru's back office does for identity checks: <c>/_sandbox/identity/verify</c> runs one against
/// the merchant's <c>/TCKNVerifyService</c> and reports what happened.
/// </summary>
public static class IdentityAdminApi
{
    public static IEndpointRouteBuilder MapIdentityAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/_sandbox").MapPost("/identity/verify", VerifyAsync);
        return app;
    }

    static async Task<Results<Ok<IdentityCheckAnswer>, NotFound<string>, ValidationProblem>> VerifyAsync(
        IdentityCheckRequest request, MerchantDirectory merchants, PaymentBook payments, IdentityChecker checker, CancellationToken cancellationToken)
    {
        var merchant = request.Merchant is null ? merchants.Default : merchants.Find(request.Merchant);
        if (merchant is null)
        {
            return Invalid("merchant", "is not a configured merchant");
        }

        if (string.IsNullOrWhiteSpace(request.Order))
        {
            return Invalid("order", "is required");
        }

        if (request.Tckno is { } given && (given.Length == 0 || !given.All(char.IsAsciiDigit)))
        {
            return Invalid("tckno", "must be digits");
        }

        if (payments.Find(merchant.Id, request.Order) is not { } payment)
        {
            return TypedResults.NotFound($"merchant {merchant.Id} has no payment of order {request.Order}");
        }

        if ((request.Tckno ?? payment.Tckno) is not { } tckno)
        {
            return Invalid("tckno", "the payment was made without a TCKN (tckno of /phs/transaction/test); give one");
        }

        var service = merchant.FindService(payment.ServiceCode)!;
        return TypedResults.Ok(await checker.CheckAsync(merchant, service, payment, tckno, request.Notify ?? true, cancellationToken));
    }

    static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
