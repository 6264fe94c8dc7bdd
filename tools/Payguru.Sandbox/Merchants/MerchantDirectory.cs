using Microsoft.Extensions.Options;
using Payguru.Provider.Signing;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Merchants;

/// <summary>The merchants from <c>Sandbox:Merchants</c>, by id.</summary>
public sealed class MerchantDirectory
{
    readonly Dictionary<string, MerchantAccount> byId;

    public MerchantDirectory(IOptions<SandboxOptions> options)
    {
        All = options.Value.Merchants
            .Select(m => new MerchantAccount(
                new MerchantSecret(m.Id, m.Key),
                m.Name,
                m.ServerIp,
                m.CallbackBaseUrl,
                m.Services.Select(s => new ServiceAccount(new ServiceSecret(s.Code, s.Key), s.Id)).ToList()))
            .ToList();
        byId = All.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<MerchantAccount> All { get; }

    /// <summary>The first configured merchant: what the admin calls use when they name none.</summary>
    public MerchantAccount Default => All[0];

    public MerchantAccount? Find(string? id) => id is not null && byId.TryGetValue(id, out var merchant) ? merchant : null;
}
