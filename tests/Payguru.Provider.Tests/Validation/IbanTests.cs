using Payguru.Contracts.Validation;

namespace Payguru.Provider.Tests.Validation;

public class IbanTests
{
    /// <summary>docs/protocol.md §7: the two valid vectors.</summary>
    [Theory]
    [InlineData("TR800011100000000036888459")]
    [InlineData("TR330006100519786457841326")]
    [InlineData("TR80 0011 1000 0000 0036 8884 59")]
    [InlineData("TR33 0006 1005 1978 6457 8413 26")]
    [InlineData("tr800011100000000036888459")]
    [InlineData("tr33 0006 1005 1978 6457 8413 26")]
    [InlineData("Tr80 0011 1000 0000 0036 8884 59")]
    public void The_protocol_vectors_are_valid_with_spaces_and_in_any_case(string iban)
    {
        Assert.True(Iban.IsValid(iban, out var error), error);
        Assert.Equal("", error);
    }

    /// <summary>Other registry countries, from their published examples.</summary>
    [Theory]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NO9386011117947")]
    public void Valid_ibans_of_other_countries_pass(string iban)
    {
        Assert.True(Iban.IsValid(iban, out var error), error);
    }

    /// <summary>The seed's sample IBANs fail: one has wrong check digits, one the wrong length.</summary>
    [Fact]
    public void The_seeds_sample_iban_with_the_right_length_fails_the_mod97_check()
    {
        Assert.False(Iban.IsValid("TR370006400012345678987654", out var error));
        Assert.Contains("mod-97", error);
    }

    [Fact]
    public void The_seeds_short_sample_iban_fails_on_its_length()
    {
        Assert.False(Iban.IsValid("TR12345671234567", out var error));
        Assert.Contains("26", error);
        Assert.Contains("16", error);
    }

    [Theory]
    [InlineData("TR80001110000000003688845")]   // one short
    [InlineData("TR8000111000000000368884590")] // one long
    public void A_turkish_iban_of_the_wrong_length_fails(string iban)
    {
        Assert.False(Iban.IsValid(iban, out var error));
        Assert.Contains("TR", error);
        Assert.Contains("26 characters", error);
    }

    [Theory]
    [InlineData("TR810011100000000036888459")] // check digits off by one
    [InlineData("TR800011100000000036888458")] // last digit changed
    [InlineData("TR800011100000000063888459")] // two digits swapped
    public void A_changed_digit_fails_the_mod97_check(string iban)
    {
        Assert.False(Iban.IsValid(iban, out var error));
        Assert.Contains("mod-97", error);
    }

    [Theory]
    [InlineData("XX800011100000000036888459")]
    [InlineData("US12345678901234567890")]
    public void A_country_outside_the_registry_fails(string iban)
    {
        Assert.False(Iban.IsValid(iban, out var error));
        Assert.Contains("registry", error);
    }

    /// <summary>26 characters each, so that the character check (not the length check) is what fails.</summary>
    [Theory]
    [InlineData("TR80-011100000000036888459")]  // a dash
    [InlineData("TR80001110000000003688845!")]  // a symbol in place of a digit
    [InlineData("TR8000111000000000368884\u00A05")] // a non-breaking space is not a space
    [InlineData("TR800011100000000036888Ş59")]  // a non-ASCII letter
    [InlineData("TRAB0011100000000036888459")]  // letters as check digits
    public void Characters_other_than_ascii_letters_and_digits_fail(string iban)
    {
        Assert.Equal(26, iban.Length);
        Assert.False(Iban.IsValid(iban, out var error));
        Assert.Contains("letters and digits", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("TR")]
    [InlineData("1234567890123456")]
    [InlineData("ŞR800011100000000036888459")]
    public void Missing_or_shapeless_values_fail(string? iban)
    {
        Assert.False(Iban.IsValid(iban, out var error));
        Assert.NotEqual("", error);
    }

    [Theory]
    [InlineData("TR370006400012345678987654")]
    [InlineData("TR12345671234567")]
    [InlineData("TR80001110000000003688845")]
    [InlineData("TR80 0011 1000 0000 0036 8884 5!")]
    [InlineData("XX800011100000000036888459")]
    [InlineData("tr810011100000000036888459")]
    public void Error_messages_never_repeat_the_iban_or_its_account_digits(string iban)
    {
        Assert.False(Iban.IsValid(iban, out var error));
        var normalized = Iban.Normalize(iban);
        Assert.DoesNotContain(iban, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(normalized, error, StringComparison.OrdinalIgnoreCase);
        // No run of the account part (after the country and check digits) leaks either.
        Assert.DoesNotContain(normalized[4..Math.Min(12, normalized.Length)], error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tr80 0011 1000 0000 0036 8884 59", "TR800011100000000036888459")]
    [InlineData("TR330006100519786457841326", "TR330006100519786457841326")]
    [InlineData(" gb82 west 1234 5698 7654 32 ", "GB82WEST12345698765432")]
    public void Normalize_gives_the_electronic_form(string iban, string expected)
    {
        Assert.Equal(expected, Iban.Normalize(iban));
    }

    [Theory]
    [InlineData("TR800011100000000036888459", "****8459")]
    [InlineData("tr33 0006 1005 1978 6457 8413 26", "****1326")]
    [InlineData("GB82WEST12345698765432", "****5432")]
    [InlineData("1234", "****")]
    [InlineData("12", "****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_shows_only_the_last_four_characters(string? iban, string expected)
    {
        Assert.Equal(expected, Iban.Mask(iban));
    }

    [Fact]
    public void Mask_keeps_no_other_character_of_the_iban()
    {
        const string iban = "TR330006100519786457841326";

        var masked = Iban.Mask(iban);

        Assert.DoesNotContain("TR", masked);
        Assert.DoesNotContain("33", masked);
        Assert.Equal(4, masked.Count(char.IsAsciiDigit));
        Assert.EndsWith(iban[^4..], masked);
    }
}
