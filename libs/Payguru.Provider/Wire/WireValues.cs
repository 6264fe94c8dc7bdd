using System.Globalization;

namespace Payguru.Provider.Wire;

/// <summary>Strict parsing and formatting of the value formats Payguru uses on the wire.</summary>
public static class WireValues
{
    /// <summary>Payguru sends times in Turkey time, which has been UTC+03:00 all year since 2016.</summary>
    public static readonly TimeSpan TurkeyOffset = TimeSpan.FromHours(3);

    static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"];

    /// <summary>A non-negative integer of ASCII digits only (no sign, no spaces, no decimals).</summary>
    public static bool TryParseId(string text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseStatus(string text, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An amount written as digits with an optional '.' and decimals, e.g. "10.50".</summary>
    public static bool TryParseAmount(string text, out decimal value)
    {
        value = 0;
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        var wellFormed = whole.Length is > 0 and <= 15 && whole.All(char.IsAsciiDigit)
            && (point < 0 || (fraction.Length is > 0 and <= 8 && fraction.All(char.IsAsciiDigit)));
        return wellFormed && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsPositiveAmount(string text) => TryParseAmount(text, out var value) && value > 0;

    public static string FormatTurkeyTime(DateTimeOffset moment) =>
        moment.ToOffset(TurkeyOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A Payguru time such as "2018-01-18 13:48:39", read as Turkey time; an explicit offset is kept.</summary>
    public static bool TryParseTurkeyTime(string text, out DateTimeOffset value)
    {
        if (DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, TurkeyOffset);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
