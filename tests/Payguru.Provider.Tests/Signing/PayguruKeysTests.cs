using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

public class PayguruKeysTests
{
    [Fact]
    public void Token_key_matches_the_protocol_vector()
    {
        var key = PayguruKeys.Token("123", "123.123.123.123", "MERCHANT KEY");

        Assert.Equal(ProtocolVectors.TokenKey, key);
    }

    [Fact]
    public void Payment_notify_key_matches_the_protocol_vector()
    {
        var key = PayguruKeys.PaymentNotify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "28120", "PG-8F2K1", "ORDER-1001", "10.50");

        Assert.Equal(ProtocolVectors.PaymentNotifyKey, key);
    }

    [Fact]
    public void Payment_notify_key_signs_the_amount_text_as_sent()
    {
        var withTrailingZero = PayguruKeys.PaymentNotify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "28120", "PG-8F2K1", "ORDER-1001", "10.50");
        var withoutTrailingZero = PayguruKeys.PaymentNotify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "28120", "PG-8F2K1", "ORDER-1001", "10.5");

        Assert.Equal(ProtocolVectors.PaymentNotifyKey, withTrailingZero);
        Assert.Equal(ProtocolVectors.PaymentNotifyShortAmountKey, withoutTrailingZero);
    }

    [Fact]
    public void Payment_notify_key_hashes_non_ascii_values_as_utf8()
    {
        var key = PayguruKeys.PaymentNotify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "28121", "PG-ÇĞŞ", "SİPARİŞ-1", "1.00");

        Assert.Equal(ProtocolVectors.PaymentNotifyNonAsciiKey, key);
    }

    [Fact]
    public void Tckn_verify_key_matches_the_protocol_vector()
    {
        var key = PayguruKeys.TcknVerify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "ORDER-1001");

        Assert.Equal(ProtocolVectors.TcknVerifyKey, key);
    }

    [Fact]
    public void Tckn_answer_matches_the_protocol_vector()
    {
        var answer = PayguruKeys.TcknAnswer("10000000146", ProtocolVectors.Demo);

        Assert.Equal(ProtocolVectors.TcknAnswerKey, answer);
    }

    [Fact]
    public void Refund_notify_key_matches_the_protocol_vector()
    {
        var key = PayguruKeys.RefundNotify(ProtocolVectors.Demo, ProtocolVectors.Merchant, "13", "PG-8F2K1", "ORDER-1001", "0.50", "ziraatbank");

        Assert.Equal(ProtocolVectors.RefundNotifyKey, key);
    }
}
