using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Payguru.Provider.Signing;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The gateway as Payguru and an internal service call it: signed payment notifications, retried until the answer
/// is OK (as Payguru does), and <c>POST /refunds</c>, resent with the same id until it is queued (202).
/// </summary>
public sealed class ChaosGateway(HttpClient http, Ledger ledger)
{
    static readonly MerchantSecret Merchant = new(DemoCredentials.MerchantId, DemoCredentials.MerchantKey);
    static readonly ServiceSecret Service = new(DemoCredentials.ServiceCode, DemoCredentials.ServiceKey);

    /// <summary>Sends the notification until the gateway answers OK; false if stopped first.</summary>
    public async Task<bool> NotifyUntilOkAsync(long txid, string order, string amount, CancellationToken stopping)
    {
        var txidText = txid.ToString(CultureInfo.InvariantCulture);
        var code = "PG-" + txidText;
        var fields = new Dictionary<string, string>
        {
            ["txid"] = txidText,
            ["code"] = code,
            ["order"] = order,
            ["status"] = "3",
            ["amount"] = amount,
            ["transaction_date"] = "2026-01-18 13:48:39",
            ["bank"] = "ziraatbank",
            ["key"] = PayguruKeys.PaymentNotify(Service, Merchant, txidText, code, order, amount),
        };
        var path = "/PhsNotifyService?" + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var answer = await http.GetAsync(path, stopping);
                if (answer.StatusCode == HttpStatusCode.OK && await answer.Content.ReadAsStringAsync(stopping) == "OK")
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
            {
                // No answer: as non-OK, Payguru tries again.
            }

            Interlocked.Increment(ref ledger.NonOkAnswers);
            await Delay(500, stopping);
        }

        return false;
    }

    /// <summary>POST /refunds until 202; false if stopped first.</summary>
    public async Task<bool> RequestRefundUntilQueuedAsync(Guid requestId, string order, decimal amount, CancellationToken stopping)
    {
        var body = new
        {
            refundRequestId = requestId,
            order,
            amount,
            contactName = DemoCredentials.ContactName,
            iban = DemoCredentials.Iban,
            serviceCode = DemoCredentials.ServiceCode,
        };
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/refunds") { Content = JsonContent.Create(body) };
                request.Headers.Add("X-Api-Key", DemoCredentials.ApiKey);
                using var answer = await http.SendAsync(request, stopping);
                if (answer.StatusCode == HttpStatusCode.Accepted)
                {
                    return true;
                }

                if ((int)answer.StatusCode is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"POST /refunds answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(stopping)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
            {
                // No answer: the request may or may not be queued; the same id again is safe.
            }

            Interlocked.Increment(ref ledger.NonOkAnswers);
            await Delay(500, stopping);
        }

        return false;
    }

    static async Task Delay(int milliseconds, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(milliseconds, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop ends.
        }
    }
}
