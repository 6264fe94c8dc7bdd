using Payguru.Provider.Signing;

namespace Payguru.Sandbox.Merchants;

/// <summary>A merchant as Payguru knows it: keys, server IP, services and where its callbacks go.</summary>
public sealed class MerchantAccount(
    MerchantSecret secret, string name, string serverIp, string callbackBaseUrl, IReadOnlyList<ServiceAccount> services)
{
    readonly Dictionary<string, ServiceAccount> byCode = services.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public string Id => Secret.Id;

    public MerchantSecret Secret { get; } = secret;

    public string Name { get; } = name;

    public string ServerIp { get; } = serverIp;

    public IReadOnlyList<ServiceAccount> Services { get; } = services;

    public Uri PaymentNotifyUrl { get; } = new($"{callbackBaseUrl.TrimEnd('/')}/PhsNotifyService");

    public Uri RefundNotifyUrl { get; } = new($"{callbackBaseUrl.TrimEnd('/')}/PhsRefundNotifyService");

    public Uri TcknVerifyUrl { get; } = new($"{callbackBaseUrl.TrimEnd('/')}/TCKNVerifyService");

    public ServiceAccount? FindService(string? code) => code is not null && byCode.TryGetValue(code, out var service) ? service : null;

    public override string ToString() => $"merchant {Id}";
}
