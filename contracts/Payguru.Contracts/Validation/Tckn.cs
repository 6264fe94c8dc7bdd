namespace Payguru.Contracts.Validation;

/// <summary>
/// The Turkish identity number (T.C. Kimlik No, Payguru's protocol §3): 11 digits, the first not
/// zero, d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10 and d11 = (d1+…+d10) mod 10.
/// </summary>
public static class Tckn
{
    /// <summary>A TCKN has 11 digits.</summary>
    public const int Length = 11;

    /// <summary>
    /// Checks <paramref name="tckn"/>. On failure <paramref name="error"/> says which rule failed without
    /// repeating the number.
    /// </summary>
    public static bool IsValid(string? tckn, out string error)
    {
        if (tckn is null || tckn.Length != Length || !tckn.All(char.IsAsciiDigit))
        {
            error = $"a TCKN has exactly {Length} digits";
            return false;
        }

        if (tckn[0] == '0')
        {
            error = "a TCKN does not start with 0";
            return false;
        }

        Span<int> d = stackalloc int[Length];
        for (var i = 0; i < Length; i++)
        {
            d[i] = tckn[i] - '0';
        }

        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        // C#'s % keeps the sign of the dividend: fold a negative remainder into 0..9.
        var tenth = (((odd * 7) - even) % 10 + 10) % 10;
        if (d[9] != tenth)
        {
            error = "the TCKN's 10th digit (first check digit) does not match";
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += d[i];
        }

        if (d[10] != sum % 10)
        {
            error = "the TCKN's 11th digit (second check digit) does not match";
            return false;
        }

        error = "";
        return true;
    }
}
