namespace Payguru.Contracts.Testing.StandIns;

/// <summary>A payment the stand-in knows of, as the processor learns it from <c>PaymentAccepted</c>.</summary>
internal sealed record StandInPayment(long Txid, string Order, decimal Amount, string ServiceCode, string? PayguruCode);
