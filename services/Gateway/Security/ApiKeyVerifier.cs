using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Options;

namespace Payguru.Gateway.Security;

/// <summary>
/// Checks a presented <c>X-Api-Key</c> against <c>Gateway:ApiKeys</c>. Every configured key is
/// compared, each in constant time: the SHA-256 digests of the UTF-8 bytes are compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither a key's content nor its length
/// shows in the time taken. Only the digests of the configured keys are kept.
/// </summary>
public sealed class ApiKeyVerifier(IOptions<GatewayOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    readonly byte[][] _keyDigests = options.Value.ApiKeys.Select(Digest).ToArray();

    public bool HasKeys => _keyDigests.Length > 0;

    public bool IsValid(string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var digest = Digest(presented);
        var match = false;
        foreach (var keyDigest in _keyDigests)
        {
            // No early exit: every configured key is compared whatever matched before.
            match |= CryptographicOperations.FixedTimeEquals(digest, keyDigest);
        }

        return match;
    }

    static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
