using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

public class Md5KeyTests
{
    [Fact]
    public void Compute_concatenates_the_parts_without_separator()
    {
        var key = Md5Key.Compute("DEMO", "123", "28120", "PG-8F2K1", "ORDER-1001", "10.50", "mk-secret", "sk-secret");

        Assert.Equal(ProtocolVectors.PaymentNotifyKey, key);
        Assert.Equal(key, Md5Key.Compute("DEMO12328120PG-8F2K1ORDER-100110.50mk-secretsk-secret"));
    }

    [Fact]
    public void Compute_hashes_the_utf8_bytes_of_non_ascii_text()
    {
        var key = Md5Key.Compute("DEMO", "123", "28121", "PG-ÇĞŞ", "SİPARİŞ-1", "1.00", "mk-secret", "sk-secret");

        Assert.Equal(ProtocolVectors.PaymentNotifyNonAsciiKey, key);
    }

    [Fact]
    public void Compute_answers_lower_case_hex()
    {
        var key = Md5Key.Compute("123", "123.123.123.123", "MERCHANT KEY");

        Assert.Equal(ProtocolVectors.TokenKey, key);
        Assert.Equal(32, key.Length);
        Assert.All(key, c => Assert.True(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f', $"'{c}' is not lower-case hex"));
    }

    [Fact]
    public void Matches_the_equal_key()
    {
        Assert.True(Md5Key.Matches(ProtocolVectors.PaymentNotifyKey, ProtocolVectors.PaymentNotifyKey));
    }

    [Fact]
    public void Matches_the_key_written_in_upper_case_hex()
    {
        Assert.True(Md5Key.Matches(ProtocolVectors.PaymentNotifyKey, ProtocolVectors.PaymentNotifyKey.ToUpperInvariant()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(31)]
    public void Does_not_match_a_key_with_one_character_different(int position)
    {
        var expected = ProtocolVectors.PaymentNotifyKey;
        var replacement = expected[position] == '0' ? '1' : '0';
        var presented = string.Concat(expected.AsSpan(0, position), [replacement], expected.AsSpan(position + 1));

        Assert.False(Md5Key.Matches(expected, presented));
    }

    [Fact]
    public void Does_not_match_a_key_of_a_different_length()
    {
        var expected = ProtocolVectors.PaymentNotifyKey;

        Assert.False(Md5Key.Matches(expected, expected[..^1]));
        Assert.False(Md5Key.Matches(expected, expected + "0"));
        Assert.False(Md5Key.Matches(expected, ""));
    }

    [Fact]
    public void Does_not_match_a_null_key()
    {
        Assert.False(Md5Key.Matches(ProtocolVectors.PaymentNotifyKey, null));
    }

    [Fact]
    public void Does_not_match_a_key_with_a_non_ascii_character_in_place_of_a_digit()
    {
        var expected = ProtocolVectors.PaymentNotifyKey;
        var presented = "\u0100" + expected[1..];

        Assert.False(Md5Key.Matches(expected, presented));
    }
}
