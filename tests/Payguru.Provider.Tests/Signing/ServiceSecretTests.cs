using Payguru.Provider.Signing;

namespace Payguru.Provider.Tests.Signing;

public class ServiceSecretTests
{
    [Fact]
    public void ToString_shows_the_code_but_not_the_key()
    {
        var text = new ServiceSecret("DEMO", "sk-secret").ToString();

        Assert.Contains("DEMO", text);
        Assert.DoesNotContain("sk-secret", text);
    }

    [Fact]
    public void A_printed_list_of_services_does_not_reveal_their_keys()
    {
        ServiceSecret[] services = [new("DEMO", "sk-secret"), new("OTHER", "other-key")];

        var text = string.Join(", ", services.Select(s => s.ToString()));

        Assert.Contains("OTHER", text);
        Assert.DoesNotContain("sk-secret", text);
        Assert.DoesNotContain("other-key", text);
    }
}
