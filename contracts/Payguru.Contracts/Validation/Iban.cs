using System.Collections.Frozen;

namespace Payguru.Contracts.Validation;

/// <summary>
/// IBANs by ISO 13616: two letters of a registered country, two check digits, the country's
/// length, and the mod-97 check. Used for refunds (<c>contact[iban]</c>) and Paywall's member bank accounts, by the
/// processor and by the test kit's stand-in alike.
/// </summary>
public static class Iban
{
    // Lengths from the SWIFT IBAN registry.
    static readonly FrozenDictionary<string, int> CountryLengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27,
        ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20, ["MR"] = 27,
        ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24, ["PL"] = 28,
        ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary();

    /// <summary>The IBAN in its electronic form: spaces removed, letters upper-case.</summary>
    public static string Normalize(string iban) => iban.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>
    /// Checks <paramref name="iban"/> (spaces allowed). On failure <paramref name="error"/> says
    /// what is wrong without repeating the IBAN.
    /// </summary>
    public static bool IsValid(string? iban, out string error)
    {
        if (string.IsNullOrWhiteSpace(iban))
        {
            error = "the IBAN is missing";
            return false;
        }

        var value = Normalize(iban);
        if (value.Length < 5 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
        {
            error = "an IBAN starts with a two-letter country code";
            return false;
        }

        var country = value[..2];
        if (!CountryLengths.TryGetValue(country, out var length))
        {
            error = $"{country} is not a country of the IBAN registry";
            return false;
        }

        if (value.Length != length)
        {
            error = $"an IBAN of {country} has {length} characters, this one has {value.Length}";
            return false;
        }

        if (!value.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            error = "an IBAN has two check digits after the country and only letters and digits";
            return false;
        }

        if (Mod97(value) != 1)
        {
            error = "the IBAN's check digits do not match (mod-97)";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>The IBAN as logs and answers may show it: only its last four characters.</summary>
    public static string Mask(string? iban)
    {
        if (string.IsNullOrEmpty(iban))
        {
            return "";
        }

        var value = Normalize(iban);
        return value.Length <= 4 ? "****" : "****" + value[^4..];
    }

    // ISO 7064 mod 97-10: the first four characters move to the end, letters become 10..35.
    static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits < 10 ? (remainder * 10 + digits) % 97 : (remainder * 100 + digits) % 97;
        }

        return remainder;
    }
}
