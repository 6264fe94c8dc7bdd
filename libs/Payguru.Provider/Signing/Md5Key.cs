using System.Security.Cryptography;
using System.Text;

namespace Payguru.Provider.Signing;

/// <summary>Payguru's key primitive: lower-case hex MD5 of the UTF-8 bytes of the parts with no separator.</summary>
public static class Md5Key
{
    public static string Compute(params ReadOnlySpan<string> parts)
    {
        var text = string.Concat(parts);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Constant time over the whole key. Upper-case hex is accepted: it is the same digest.</summary>
    public static bool Matches(string expected, string? presented)
    {
        if (presented is null || presented.Length != expected.Length)
        {
            return false;
        }

        Span<byte> presentedBytes = stackalloc byte[presented.Length];
        for (var i = 0; i < presented.Length; i++)
        {
            // Fold ASCII upper case to lower case; any other character stays as it is and fails the compare.
            var c = presented[i];
            presentedBytes[i] = c is >= 'A' and <= 'F' ? (byte)(c | 0x20) : (byte)(c > 0x7F ? 0xFF : c);
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), presentedBytes);
    }
}
