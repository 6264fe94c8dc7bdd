namespace Payguru.Contracts.Paywall;

/// <summary>How a sub-merchant's settlement date and commission are computed (Paywall's <c>ValueDate</c>).</summary>
public sealed record SubMerchantValueDate(int CalculationType, int CalculationValue, int Commission);
