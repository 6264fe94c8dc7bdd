namespace Payguru.RefundProcessor.Payments;

/// <summary>What a refund decision needs of an order's accepted payment.</summary>
public sealed record OrderPayment(decimal Amount, string ServiceCode, string PayguruCode);
