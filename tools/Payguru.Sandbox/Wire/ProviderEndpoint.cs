namespace Payguru.Sandbox.Wire;

/// <summary>The provider endpoints the sandbox serves; faults and counters are kept per endpoint.</summary>
public enum ProviderEndpoint
{
    GetToken,
    CheckToken,
    RefundCreate,
    RefundGet,
    RefundGetByOrder,
    TransactionTest,
    PaywallTempToken,
    PaywallMember,
}
