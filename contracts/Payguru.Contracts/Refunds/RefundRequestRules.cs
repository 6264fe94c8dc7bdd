using System.Globalization;
using Payguru.Contracts.Validation;

namespace Payguru.Contracts.Refunds;

/// <summary>
/// What makes a <see cref="RequestRefund"/> valid and what decides it: checked by the processor before any
/// provider call, by the gateway's HTTP API before sending one, and by the test kit's stand-in processor,
/// so that the three cannot disagree. Messages never repeat the IBAN or the name.
/// </summary>
public static class RefundRequestRules
{
    /// <summary>The longest order reference Payguru carries.</summary>
    public const int MaxOrderLength = 100;

    /// <summary>The longest contact name (after trimming).</summary>
    public const int MaxContactNameLength = 100;

    /// <summary>The first problem of the request, or null when it is valid.</summary>
    public static RefundRequestProblem? Check(string? order, decimal amount, string? contactName, string? iban)
    {
        if (string.IsNullOrWhiteSpace(order) || order.Length > MaxOrderLength)
        {
            return new(RefundRejectionReasons.InvalidOrder, "order", $"the order reference is required, at most {MaxOrderLength} characters");
        }

        if (amount <= 0 || decimal.Round(amount, 2) != amount)
        {
            return new(RefundRejectionReasons.InvalidAmount, "amount", "the amount must be more than zero with at most two decimals");
        }

        if (string.IsNullOrWhiteSpace(contactName) || contactName.Trim().Length > MaxContactNameLength)
        {
            return new(RefundRejectionReasons.InvalidContactName, "contactName", $"the contact name is required, at most {MaxContactNameLength} characters");
        }

        if (!Iban.IsValid(iban, out var ibanError))
        {
            return new(RefundRejectionReasons.InvalidIban, "iban", ibanError);
        }

        return null;
    }

    /// <summary>
    /// The service a refund is made under: the <paramref name="requested"/> one when it is configured; without one, the
    /// service of the order's payment (<paramref name="paymentService"/>) when configured, else the only configured one.
    /// Null when none can be chosen (then the request is rejected with <see cref="UnknownService"/>).
    /// </summary>
    public static string? ChooseService(string? requested, string? paymentService, IReadOnlyCollection<string> configured)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return configured.Contains(requested) ? requested : null;
        }

        if (paymentService is not null && configured.Contains(paymentService))
        {
            return paymentService;
        }

        return configured.Count == 1 ? configured.First() : null;
    }

    /// <summary>The <see cref="RefundRejectionReasons.UnknownService"/> problem of a request naming <paramref name="requested"/> (or none).</summary>
    public static RefundRequestProblem UnknownService(string? requested) =>
        new(RefundRejectionReasons.UnknownService, "serviceCode", string.IsNullOrWhiteSpace(requested)
            ? "no service code was given and none can be chosen: name one of the configured Payguru services"
            : $"the service '{requested}' is not one of the configured Payguru services");

    /// <summary>
    /// The <see cref="RefundRejectionReasons.OverRefund"/> problem when <paramref name="amount"/> more would take the
    /// refunds of <paramref name="order"/> (<paramref name="committed"/>: refunded or under way) past what it was
    /// <paramref name="paid"/>; null when it fits. An order whose payment is not known is not checked.
    /// </summary>
    public static RefundRequestProblem? CheckOverRefund(string order, decimal paid, decimal committed, decimal amount) =>
        committed + amount > paid
            ? new(RefundRejectionReasons.OverRefund, "amount",
                $"order {order} was paid {FormatAmount(paid)} and has {FormatAmount(committed)} refunded or under way; {FormatAmount(amount)} more would exceed it")
            : null;

    /// <summary>
    /// The <see cref="RefundRejectionReasons.ProviderError"/> problem of a <c>refund/create</c> Payguru refused with
    /// <paramref name="providerCode"/> (<c>ERR_…</c>) and its <paramref name="providerMessage"/>.
    /// </summary>
    public static RefundRequestProblem ProviderRefusal(string providerCode, string? providerMessage) =>
        new(RefundRejectionReasons.ProviderError, "", $"Payguru refused the refund: {providerCode} {providerMessage}".TrimEnd());

    /// <summary>The amount as Payguru's <c>refund/create</c> takes it: two decimals, a dot (<c>1.00</c>).</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
