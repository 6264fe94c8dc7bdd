namespace Payguru.Contracts.Paywall;

/// <summary>Why a sub-merchant registration is invalid: a <see cref="SubMerchantRejectionReasons"/> code, the field, and a message.</summary>
/// <param name="Reason">A <see cref="SubMerchantRejectionReasons"/> code.</param>
/// <param name="Field">The command field it is about (camelCase).</param>
/// <param name="Message">What is wrong, without repeating its value.</param>
public sealed record SubMerchantProblem(string Reason, string Field, string Message);
