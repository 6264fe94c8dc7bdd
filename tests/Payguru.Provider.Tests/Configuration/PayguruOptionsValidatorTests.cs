using Payguru.Provider.Configuration;

namespace Payguru.Provider.Tests.Configuration;

public class PayguruOptionsValidatorTests
{
    readonly PayguruOptionsValidator _validator = new();

    /// <summary>The gateway's Development settings (services/Gateway/appsettings.Development.json).</summary>
    static PayguruOptions DemoSettings() => new()
    {
        MerchantId = "123",
        MerchantKey = "mk-secret",
        ServerIp = "127.0.0.1",
        BaseUrl = "http://127.0.0.1:5090",
        Services = [new PayguruServiceOptions { Code = "DEMO", Key = "sk-secret" }],
    };

    [Fact]
    public void Demo_settings_pass()
    {
        var result = _validator.Validate(null, DemoSettings());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_merchant_key_fails_naming_the_setting_without_any_value(string merchantKey)
    {
        var options = DemoSettings();
        options.MerchantKey = merchantKey;

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:MerchantKey", result.FailureMessage);
        Assert.DoesNotContain("123", result.FailureMessage);
        Assert.DoesNotContain("sk-secret", result.FailureMessage);
        Assert.DoesNotContain("DEMO", result.FailureMessage);
        Assert.DoesNotContain("127.0.0.1", result.FailureMessage);
    }

    [Fact]
    public void Empty_services_fail_naming_the_setting()
    {
        var options = DemoSettings();
        options.Services = [];

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:Services", result.FailureMessage);
        Assert.DoesNotContain("mk-secret", result.FailureMessage);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("-123")]
    [InlineData("1 23")]
    public void A_non_numeric_merchant_id_fails_naming_the_setting(string merchantId)
    {
        var options = DemoSettings();
        options.MerchantId = merchantId;

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:MerchantId", result.FailureMessage);
        Assert.DoesNotContain("mk-secret", result.FailureMessage);
        Assert.DoesNotContain("sk-secret", result.FailureMessage);
    }

    [Fact]
    public void A_service_code_over_the_limit_fails_naming_its_index_and_one_at_the_limit_passes()
    {
        var options = DemoSettings();
        options.Services.Add(new PayguruServiceOptions { Code = new string('S', PayguruServiceOptions.MaxCodeLength + 1), Key = "other-key" });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:Services:1:Code must be at most 100 characters", result.FailureMessage);
        options.Services[1].Code = new string('S', PayguruServiceOptions.MaxCodeLength);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_service_without_a_key_fails_naming_its_index()
    {
        var options = DemoSettings();
        options.Services.Add(new PayguruServiceOptions { Code = "OTHER", Key = "" });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:Services:1:Key", result.FailureMessage);
        Assert.DoesNotContain("sk-secret", result.FailureMessage);
    }

    [Fact]
    public void A_service_code_listed_twice_fails()
    {
        var options = DemoSettings();
        options.Services.Add(new PayguruServiceOptions { Code = "DEMO", Key = "other-key" });

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Payguru:Services", result.FailureMessage);
        Assert.DoesNotContain("sk-secret", result.FailureMessage);
        Assert.DoesNotContain("other-key", result.FailureMessage);
    }
}
