using Payguru.Api.Validation;
using Payguru.Contracts.Refunds;

namespace Payguru.Messaging.Refunds;

/// <summary>
/// What makes a <see cref="RequestRefund"/> valid, checked by the processor before any provider
/// call and by the gateway's HTTP API before sending one. Messages never repeat the IBAN or the name.
/// </summary>
public static class RefundRequestRules
{
    public const int MaxOrderLength = 100;
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

    /// <summary>The amount as Payguru's <c>refund/create</c> takes it: two decimals, a dot (<c>1.00</c>).</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Why a refund request is invalid: a <see cref="RefundRejectionReasons"/> code, the field, and a message.</summary>
public sealed record RefundRequestProblem(string Reason, string Field, string Message);
