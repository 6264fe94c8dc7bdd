namespace Payguru.Contracts.Refunds;

/// <summary>Why a refund request is invalid: a <see cref="RefundRejectionReasons"/> code, the field, and a message.</summary>
/// <param name="Reason">A <see cref="RefundRejectionReasons"/> code.</param>
/// <param name="Field">The request field it is about (camelCase, as the gateway's HTTP API names it).</param>
/// <param name="Message">What is wrong, without repeating personal data.</param>
public sealed record RefundRequestProblem(string Reason, string Field, string Message);
