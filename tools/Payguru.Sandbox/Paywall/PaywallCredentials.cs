using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Paywall;

/// <summary>Paywall authenticates every call by the headers <c>apikeypublic</c> and <c>apiclientpublic</c>.</summary>
public sealed class PaywallCredentials(IOptions<SandboxOptions> options)
{
    readonly byte[] keyPublic = Encoding.UTF8.GetBytes(options.Value.Paywall.ApiKeyPublic);
    readonly byte[] clientPublic = Encoding.UTF8.GetBytes(options.Value.Paywall.ApiClientPublic);

    /// <summary>Null when both headers are right, else which one is missing or wrong (safe to answer with).</summary>
    public string? Check(IHeaderDictionary headers)
    {
        var key = headers["apikeypublic"].ToString();
        var client = headers["apiclientpublic"].ToString();
        if (key.Length == 0 || client.Length == 0)
        {
            return "The apikeypublic and apiclientpublic headers are required.";
        }

        // Both compared in full, in constant time, whatever the first one gave.
        var keyMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), keyPublic);
        var clientMatches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client), clientPublic);
        return keyMatches && clientMatches ? null : "The apikeypublic or apiclientpublic header is not valid.";
    }
}
