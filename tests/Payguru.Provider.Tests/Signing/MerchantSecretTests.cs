using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

public class MerchantSecretTests
{
    [Fact]
    public void ToString_shows_the_id_but_not_the_key()
    {
        var text = new MerchantSecret("123", "mk-secret").ToString();

        Assert.Contains("123", text);
        Assert.DoesNotContain("mk-secret", text);
    }

    [Fact]
    public void Interpolated_into_a_log_message_it_does_not_reveal_the_key()
    {
        var merchant = new MerchantSecret("123", "mk-secret");

        var text = $"signing for {merchant}";

        Assert.DoesNotContain("mk-secret", text);
    }
}
