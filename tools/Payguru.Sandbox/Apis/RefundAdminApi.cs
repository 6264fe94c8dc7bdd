using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Refunds;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// What Payguru's back office does to refunds: move one to a status (and tell the merchant), and
/// the end of the day, when every refund that changed is reported.
/// </summary>
public static class RefundAdminApi
{
    public static IEndpointRouteBuilder MapRefundAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapPost("/refunds/{id:long}/status", Move);
        admin.MapPost("/end-of-day", EndOfDay);
        return app;
    }

    static Results<Ok<RefundMoveAnswer>, NotFound, ValidationProblem> Move(
        long id, RefundMoveRequest request, RefundBook refunds, MerchantDirectory merchants, CallbackDispatcher callbacks, TurkeyClock clock)
    {
        if (request.Status < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["must be 1 or more (1 new, 2 updated, 3 paid back)"] });
        }

        var now = clock.Now;
        var refund = refunds.Update(id, current => current with
        {
            Status = request.Status,
            UpdateTime = WireValues.FormatTurkeyTime(now),
            RefundTime = request.Status == Refund.Paid ? WireValues.FormatTurkeyTime(now) : current.RefundTime,
            Description = request.Description ?? (request.Status == Refund.Paid ? $"Completed at {now.ToString("HH:mm", CultureInfo.InvariantCulture)}" : current.Description),
            Bank = request.Status == Refund.Paid ? PaidBank(id, request) : current.Bank,
        });
        if (refund is null)
        {
            return TypedResults.NotFound();
        }

        var notify = request.Notify ?? true;
        if (notify)
        {
            refunds.MarkReported(refund);
            Notify(refund, merchants, callbacks);
        }

        return TypedResults.Ok(new RefundMoveAnswer(refund.ToDetail(), notify));
    }

    /// <summary>
    /// Sends the result of every refund whose status changed since the merchant was last told.
    /// <c>?pay=true</c> first pays back every open refund (status 1 or 2 → 3).
    /// </summary>
    static Ok<EndOfDayAnswer> EndOfDay(bool? pay, RefundBook refunds, MerchantDirectory merchants, CallbackDispatcher callbacks, TurkeyClock clock)
    {
        var paid = new List<long>();
        if (pay == true)
        {
            var now = clock.Now;
            foreach (var open in refunds.Open())
            {
                refunds.Update(open.Id, current => current with
                {
                    Status = Refund.Paid,
                    UpdateTime = WireValues.FormatTurkeyTime(now),
                    RefundTime = WireValues.FormatTurkeyTime(now),
                    Description = $"Completed at {now.ToString("HH:mm", CultureInfo.InvariantCulture)}",
                    Bank = RefundBank.Default(current.Id),
                });
                paid.Add(open.Id);
            }
        }

        var changed = refunds.TakeUnreported();
        foreach (var refund in changed)
        {
            Notify(refund, merchants, callbacks);
        }

        return TypedResults.Ok(new EndOfDayAnswer(paid, changed.Select(r => r.Id).ToList()));
    }

    static RefundBank PaidBank(long id, RefundMoveRequest request)
    {
        var fallback = RefundBank.Default(id);
        return new RefundBank(
            request.BankId ?? fallback.Id,
            request.BankName ?? fallback.Name,
            request.BankCode ?? fallback.Code,
            request.BankNo ?? fallback.No,
            request.ReceiptNo ?? fallback.ReceiptNo);
    }

    static void Notify(Refund refund, MerchantDirectory merchants, CallbackDispatcher callbacks)
    {
        var merchant = merchants.Find(refund.MerchantId)!;
        var service = merchant.FindService(refund.ServiceCode)!;
        callbacks.Enqueue(Notifications.Refund(merchant, service, refund));
    }
}
