using Payguru.Provider.Signing;

namespace Payguru.RefundProcessor.Identity;

/// <summary>
/// What the processor keeps of a TCKN: the answer Payguru's <c>verify</c> call wants, md5(TCKN + service key),
/// for each configured service (the call does not say which service asks until its key is matched).
/// </summary>
public static class IdentityHashes
{
    /// <summary>Service code to md5(<paramref name="tckn"/> + that service's key).</summary>
    public static IReadOnlyDictionary<string, string> Of(string tckn, IEnumerable<ServiceSecret> services) =>
        services.ToDictionary(service => service.Code, service => PayguruKeys.TcknAnswer(tckn, service), StringComparer.Ordinal);
}
