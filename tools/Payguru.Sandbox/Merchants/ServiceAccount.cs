using Payguru.Provider.Signing;

namespace Payguru.Sandbox.Merchants;

/// <summary>One of a merchant's services: its code and key (<see cref="Secret"/>) and Payguru's numeric id.</summary>
public sealed record ServiceAccount(ServiceSecret Secret, long Id)
{
    public string Code => Secret.Code;
}
