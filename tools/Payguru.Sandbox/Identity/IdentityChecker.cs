using System.Text.Json;
using Payguru.Provider.Signing;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Merchants;
using Payguru.Sandbox.Payments;
using Payguru.Sandbox.Settings;

namespace Payguru.Sandbox.Identity;

/// <summary>
/// Payguru's identity check of a payment (docs/protocol.md §3): it calls the merchant's
/// <c>/TCKNVerifyService</c> with <c>verify</c>, compares the <c>tckn</c> of the JSON answer with
/// md5(TCKN + service key) for the TCKN the payment was made with, and reports the outcome with
/// <c>verified</c> or <c>unverified</c> (a notification, retried until the merchant answers <c>OK</c>).
/// </summary>
public sealed class IdentityChecker(CallbackSender sender, CallbackDispatcher callbacks, SandboxSettings settings, ILogger<IdentityChecker> logger)
{
    public async Task<IdentityCheckAnswer> CheckAsync(
        MerchantAccount merchant, ServiceAccount service, Payment payment, string tckno, bool notify, CancellationToken cancellationToken)
    {
        var current = settings.Current;
        var verify = Notifications.Identity(merchant, service, payment, "verify");
        var answer = await sender.SendAsync(verify, current.CallbackForm, current.CallbackTimeout, cancellationToken);
        var (status, tcknHash) = Read(answer);
        var matches = status && Md5Key.Matches(PayguruKeys.TcknAnswer(tckno, service.Secret), tcknHash);
        var outcome = matches ? "verified" : "unverified";
        logger.LogInformation(
            "Identity check of order {Order} (txid {Txid}): the merchant answered {Answer}, status {Status}; the TCKN {Matches}: {Outcome}",
            payment.Order, payment.Txid, answer.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? answer.Failure, status,
            matches ? "matches" : "does not match", outcome);

        string? notificationAnswer = null;
        if (notify)
        {
            var dispatched = await callbacks.SendNowAsync(Notifications.Identity(merchant, service, payment, outcome));
            notificationAnswer = dispatched.Answer?.Summary ?? "held by an out-of-order fault";
        }

        return new IdentityCheckAnswer(
            payment.Order, payment.Txid, service.Code, answer.StatusCode, answer.Failure, status, matches, outcome, notify, notificationAnswer);
    }

    /// <summary>The answer's <c>status</c> and <c>tckn</c>; anything that is not the protocol's JSON reads as <c>false</c>.</summary>
    static (bool Status, string? TcknHash) Read(CallbackAnswer answer)
    {
        if (answer.StatusCode is null || string.IsNullOrWhiteSpace(answer.Body))
        {
            return (false, null);
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.True)
            {
                return (false, null);
            }

            return (true, root.TryGetProperty("tckn", out var tckn) && tckn.ValueKind == JsonValueKind.String ? tckn.GetString() : null);
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}
