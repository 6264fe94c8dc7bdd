using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Refunds;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Tokens;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// <c>/phs/refund/create</c>, <c>/phs/refund/get</c> and <c>/phs/refund/getByOrder</c>
/// (docs/protocol.md §5), GET or POST, authenticated by the <c>merchant</c> and <c>token</c> headers.
/// </summary>
public static class RefundApi
{
    static readonly string[] GetOrPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapRefundApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/phs/refund/create", GetOrPost, CreateAsync).WithFaults(ProviderEndpoint.RefundCreate).DisableAntiforgery();
        app.MapMethods("/phs/refund/get", GetOrPost, GetAsync).WithFaults(ProviderEndpoint.RefundGet).DisableAntiforgery();
        app.MapMethods("/phs/refund/getByOrder", GetOrPost, GetByOrderAsync).WithFaults(ProviderEndpoint.RefundGetByOrder).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// A new refund (status 1) of a paid order. Not idempotent, as Payguru's: the same call twice
    /// makes two refunds. The sandbox does not check the amount against the payment.
    /// </summary>
    static async Task<Ok<RefundCreateAnswer>> CreateAsync(
        HttpRequest request,
        TokenAuthentication authentication,
        PaymentBook payments,
        RefundBook refunds,
        TurkeyClock clock,
        SandboxStats stats,
        CancellationToken cancellationToken)
    {
        var merchant = authentication.Authenticate(request);
        if (merchant is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidToken<RefundCreateAnswer>());
        }

        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundCreateAnswer>("malformed body"));
        }

        if (fields.FirstMissing("code", "amount", "order", "contact[name]", "contact[iban]") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundCreateAnswer>($"{missing} required"));
        }

        var service = merchant.FindService(fields["code"]);
        if (service is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidService<RefundCreateAnswer>());
        }

        var amount = fields["amount"]!;
        if (!WireValues.IsPositiveAmount(amount))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundCreateAnswer>("amount not true"));
        }

        var order = fields["order"]!;
        var payment = payments.Find(merchant.Id, order);
        if (payment is null)
        {
            // Payguru refunds payments it took: an order it never saw has nothing to refund.
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundCreateAnswer>("order not found"));
        }

        var refund = refunds.Create(id => new Refund(
            id, merchant.Id, merchant.Name, service.Code, service.Id, payment.Txid, payment.PayguruCode, order, amount,
            fields["contact[name]"]!, fields["contact[iban]"]!, Refund.New, clock.NowText));
        stats.RefundCreated(order);
        return TypedResults.Ok(new RefundCreateAnswer
        {
            Status = PayguruStatusCodes.Success,
            Message = PayguruAnswers.SuccessMessage,
            RefundId = refund.Id.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>
    /// The refund in <c>data</c>, as one object like the seed's sample. An id the merchant has no
    /// refund under answers "000" with an empty <c>data</c> array (the table's type): the seed names
    /// no error for it.
    /// </summary>
    static async Task<Ok<RefundGetAnswer>> GetAsync(
        HttpRequest request, TokenAuthentication authentication, RefundBook refunds, CancellationToken cancellationToken)
    {
        var merchant = authentication.Authenticate(request);
        if (merchant is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidToken<RefundGetAnswer>());
        }

        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundGetAnswer>("malformed body"));
        }

        if (fields.FirstMissing("id") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundGetAnswer>($"{missing} required"));
        }

        if (!long.TryParse(fields["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundGetAnswer>("id not true"));
        }

        var refund = refunds.Find(merchant.Id, id);
        return TypedResults.Ok(new RefundGetAnswer
        {
            Status = PayguruStatusCodes.Success,
            Message = PayguruAnswers.SuccessMessage,
            Data = refund is null ? [] : [refund.ToDetail()],
        });
    }

    /// <summary>Every refund of the merchant's order in <c>data</c>, oldest first; none: an empty array.</summary>
    static async Task<Ok<RefundsByOrderAnswer>> GetByOrderAsync(
        HttpRequest request, TokenAuthentication authentication, RefundBook refunds, CancellationToken cancellationToken)
    {
        var merchant = authentication.Authenticate(request);
        if (merchant is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidToken<RefundsByOrderAnswer>());
        }

        var fields = await WireFieldsReader.TryReadAsync(request, cancellationToken);
        if (fields is null)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundsByOrderAnswer>("malformed body"));
        }

        if (fields.FirstMissing("order") is { } missing)
        {
            return TypedResults.Ok(PayguruAnswers.InvalidRequest<RefundsByOrderAnswer>($"{missing} required"));
        }

        return TypedResults.Ok(new RefundsByOrderAnswer
        {
            Status = PayguruStatusCodes.Success,
            Message = PayguruAnswers.SuccessMessage,
            Data = refunds.ByOrder(merchant.Id, fields["order"]!).Select(r => r.ToDetail()).ToList(),
        });
    }
}
