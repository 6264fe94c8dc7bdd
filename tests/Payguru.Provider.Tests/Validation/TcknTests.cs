using Payguru.Provider.Signing;
using Payguru.Provider.Tests.Signing;
using Payguru.Contracts.Validation;

namespace Payguru.Provider.Tests.Validation;

public class TcknTests
{
    /// <summary>
    /// 10000000146 is the protocol's vector; 12345678950 is worked out by hand; 19090909018 has
    /// (d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8) = −29, whose remainder must be folded into 0..9 (it is 1).
    /// </summary>
    [Theory]
    [InlineData("10000000146")]
    [InlineData("12345678950")]
    [InlineData("19090909018")]
    public void Valid_tckns_pass(string tckn)
    {
        Assert.True(Tckn.IsValid(tckn, out var error), error);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1000000014")]
    [InlineData("100000001460")]
    [InlineData("1000000014a")]
    [InlineData(" 0000000146")]
    [InlineData("1000000014٦")] // an Arabic-Indic six: a digit to char.IsDigit, not to the TCKN
    public void Anything_but_eleven_ascii_digits_fails(string? tckn)
    {
        Assert.False(Tckn.IsValid(tckn, out var error));
        Assert.Equal("a TCKN has exactly 11 digits", error);
    }

    [Fact]
    public void A_leading_zero_fails()
    {
        Assert.False(Tckn.IsValid("01234567890", out var error));
        Assert.Equal("a TCKN does not start with 0", error);
    }

    [Theory]
    [InlineData("10000000156")]
    [InlineData("19090909028")]
    public void A_wrong_first_check_digit_fails(string tckn)
    {
        Assert.False(Tckn.IsValid(tckn, out var error));
        Assert.Contains("10th digit", error);
    }

    [Theory]
    [InlineData("10000000145")]
    [InlineData("12345678951")]
    public void A_wrong_second_check_digit_fails(string tckn)
    {
        Assert.False(Tckn.IsValid(tckn, out var error));
        Assert.Contains("11th digit", error);
    }

    [Theory]
    [InlineData("10000000156")]
    [InlineData("10000000145")]
    [InlineData("01234567890")]
    [InlineData("1000000014")]
    public void The_error_never_repeats_the_number(string tckn)
    {
        Tckn.IsValid(tckn, out var error);

        Assert.DoesNotContain(tckn, error);
        Assert.DoesNotContain("1000000", error);
    }

    [Fact]
    public void The_protocol_vector_is_valid_and_its_answer_is_the_protocol_answer()
    {
        Assert.True(Tckn.IsValid("10000000146", out _));
        Assert.Equal(ProtocolVectors.TcknAnswerKey, PayguruKeys.TcknAnswer("10000000146", ProtocolVectors.Demo));
    }
}
