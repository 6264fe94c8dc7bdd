using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Tokens;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// <c>/phs/transaction/test</c> (docs/protocol.md §4): a payment in the sandbox. Payguru sends the
/// merchant its notification and the call answers with whatever the merchant answered.
/// </summary>
public static class TransactionApi
{
    /// <summary>Carries the merchant's HTTP status next to its answer, which is relayed as the body.</summary>
    public const string MerchantStatusHeader = "X-Sandbox-Merchant-Status";

    const string DefaultBank = "ziraatbank";

    static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapTransactionApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/phs/transaction/test", GetOrPost, TestAsync).WithFaults(ProviderEndpoint.TransactionTest).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Parameters as documented: <c>code</c> (service), <c>ref</c> (Payguru reference), <c>amount</c>;
    /// <c>name</c>, <c>description</c>, <c>iban</c>, <c>tckno</c> optional. The document names no merchant
    /// order, so the sandbox also takes <c>order</c> (default: the reference), <c>status</c> (default 3)
    /// and <c>bank</c> (default ziraatbank).
    /// </summary>
    static async Task<Results<Ok<PayguruResult>, ContentHttpResult>> TestAsync(
        HttpRequest request,
        TokenAuthentication authentication,
        PaymentBook payments,
        CallbackDispatcher callbacks,
        TurkeyClock clock,
        SandboxStats stats,
        CancellationToken cancellationToken)
    {
        var merchant = authentication.Authenticate(request);
        if (merchant is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidToken<PayguruResult>());
        }

        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>("malformed body"));
        }

        if (fields.FirstMissing("code", "ref", "amount") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>($"{missing} required"));
        }

        var service = merchant.FindService(fields["code"]);
        if (service is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidService<PayguruResult>());
        }

        var amount = fields["amount"]!;
        if (!WireValues.IsPositiveAmount(amount))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>("amount not true"));
        }

        if (fields["tckno"] is { Length: > 0 } tckno && !tckno.All(char.IsAsciiDigit))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>("tckno not true"));
        }

        var status = 3;
        if (fields["status"] is { Length: > 0 } statusText
            && !int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out status))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<PayguruResult>("status not true"));
        }

        var reference = fields["ref"]!;
        var payment = new Payment(
            payments.NextTxid(), merchant.Id, service.Code, reference, fields["order"] is { Length: > 0 } order ? order : reference,
            amount, status, clock.NowText, fields["bank"] is { Length: > 0 } bank ? bank : DefaultBank,
            fields["tckno"] is { Length: > 0 } given ? given : null);
        payments.Record(payment);
        stats.PaymentRecorded();

        var outcome = await callbacks.SendNowAsync(Notifications.Payment(merchant, service, payment));
        if (outcome.Answer is not { } answer)
        {
            return TypedResults.Text(
                "the notification is held by an out-of-order fault; it goes out when its group is complete or on POST /_sandbox/callbacks/flush",
                "text/plain", statusCode: StatusCodes.Status202Accepted);
        }

        if (answer.StatusCode is not { } merchantStatus)
        {
            return TypedResults.Text(
                $"the merchant did not answer: {answer.Failure}; Payguru retries until it answers OK",
                "text/plain", statusCode: StatusCodes.Status502BadGateway);
        }

        request.HttpContext.Response.Headers[MerchantStatusHeader] = merchantStatus.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Text(answer.Body, answer.ContentType ?? "text/plain", statusCode: StatusCodes.Status200OK);
    }
}
