namespace Payguru.Provider.Client;

/// <summary>Payguru refused to issue a token. Carries its code and message, never a key.</summary>
public sealed class PayguruTokenException(string status, string? providerMessage)
    : Exception($"Payguru refused to issue a token: {status} {providerMessage}. Check Payguru:MerchantId, Payguru:MerchantKey and Payguru:ServerIp.")
{
    public string Status { get; } = status;
}
