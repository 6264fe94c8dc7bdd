using Payguru.Provider.Configuration;

namespace Payguru.Provider.Tests.Configuration;

public class PaywallOptionsValidatorTests
{
    readonly PaywallOptionsValidator _validator = new();

    static PaywallOptions Demo() => new()
    {
        BaseUrl = "http://127.0.0.1:5090",
        MemberBaseUrl = "http://127.0.0.1:5090",
        ApiKeyPublic = "pw-public-key",
        ApiClientPublic = "pw-public-client",
    };

    [Fact]
    public void No_Paywall_settings_at_all_pass_and_leave_Paywall_off()
    {
        var options = new PaywallOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void All_four_settings_pass_and_turn_Paywall_on()
    {
        var options = Demo();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.True(options.IsConfigured);
    }

    [Fact]
    public void A_half_filled_section_fails_naming_each_missing_setting_and_no_value()
    {
        var options = Demo();
        options.ApiClientPublic = "";
        options.MemberBaseUrl = " ";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Paywall:ApiClientPublic", result.FailureMessage);
        Assert.Contains("Paywall:MemberBaseUrl is required", result.FailureMessage);
        Assert.DoesNotContain("Paywall:ApiKeyPublic is required", result.FailureMessage);
        Assert.DoesNotContain("pw-public-key", result.FailureMessage);
        Assert.DoesNotContain("127.0.0.1", result.FailureMessage);
    }

    [Fact]
    public void An_address_that_is_not_an_http_url_fails()
    {
        var options = Demo();
        options.BaseUrl = "ftp://paywall.example";

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Paywall:BaseUrl must be an absolute http(s) URL", result.FailureMessage);
    }

    [Fact]
    public void The_options_print_without_their_credentials()
    {
        var text = Demo().ToString();

        Assert.DoesNotContain("pw-public-key", text);
        Assert.DoesNotContain("pw-public-client", text);
    }
}
