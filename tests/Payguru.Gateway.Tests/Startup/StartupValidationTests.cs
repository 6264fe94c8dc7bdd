using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Startup;

/// <summary>Settings that cannot work stop the gateway's start, with a message naming the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_merchant_key_fails_the_start_naming_the_setting(string merchantKey)
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["Payguru:MerchantKey"] = merchantKey }));

        Assert.Contains("Payguru:MerchantKey", exception.Message);
        Assert.DoesNotContain(GatewayFactory.DemoServiceKey, exception.Message);
        Assert.DoesNotContain(GatewayFactory.OtherServiceKey, exception.Message);
    }

    [Fact]
    public async Task Production_without_payguru_settings_fails_the_start_naming_each_missing_setting()
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(environment: "Production"));

        Assert.Contains("Payguru:MerchantId", exception.Message);
        Assert.Contains("Payguru:MerchantKey", exception.Message);
        Assert.Contains("Payguru:Services", exception.Message);
    }

    [Fact]
    public async Task Non_numeric_merchant_id_fails_the_start_naming_the_setting()
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["Payguru:MerchantId"] = "merchant-123" }));

        Assert.Contains("Payguru:MerchantId", exception.Message);
        Assert.DoesNotContain(GatewayFactory.MerchantKey, exception.Message);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public async Task Query_timeout_out_of_range_fails_the_start_naming_the_setting(string queryTimeout)
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["Gateway:QueryTimeout"] = queryTimeout }));

        Assert.Contains("Gateway:QueryTimeout", exception.Message);
    }

    [Theory]
    [InlineData("CallbackBodyBytes", "0")]
    [InlineData("CallbackBodyBytes", "104857600")]
    [InlineData("RefundBodyBytes", "-1")]
    [InlineData("CallbackFields", "5")]
    [InlineData("HeadersBytes", "100")]
    [InlineData("MinBodyBytesPerSecond", "0")]
    public async Task Request_limit_out_of_range_fails_the_start_naming_the_setting(string limit, string value)
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { [$"Gateway:Limits:{limit}"] = value }));

        Assert.Contains($"Gateway:Limits:{limit} must be from", exception.Message);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:09")]
    public async Task Identity_timeout_out_of_range_fails_the_start_naming_the_setting(string identityTimeout)
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["Gateway:IdentityTimeout"] = identityTimeout }));

        Assert.Contains("Gateway:IdentityTimeout must be more than zero and at most 00:00:08", exception.Message);
    }

    [Fact]
    public async Task Unknown_queue_type_fails_the_start_naming_the_setting()
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["RabbitMq:QueueType"] = "Stream" }));

        Assert.Contains("RabbitMq:QueueType must be Classic or Quorum (was 'Stream')", exception.Message);
    }

    [Fact]
    public async Task Empty_api_key_fails_the_start_naming_the_setting()
    {
        var exception = await StartFailureAsync(() => new GatewayFactory(new Dictionary<string, string?> { ["Gateway:ApiKeys:2"] = " " }));

        Assert.Contains("Gateway:ApiKeys", exception.Message);
        Assert.DoesNotContain(GatewayFactory.ApiKey, exception.Message);
    }

    [Fact]
    public async Task Demo_settings_start_the_gateway_on_the_in_memory_test_bus_instead_of_RabbitMQ()
    {
        await using var gateway = new GatewayFactory();

        using var client = gateway.CreateClient();

        Assert.Equal("loopback", gateway.Harness.Bus.Address.Scheme);
        Assert.Equal("loopback", gateway.Services.GetRequiredService<IBus>().Address.Scheme);
    }

    /// <summary>
    /// The exception that stops the gateway's start. When the start fails, WebApplicationFactory's
    /// DeferredHost.StartAsync sometimes (about 1 in 40) resolves IHostApplicationLifetime from the
    /// service provider the failed application has already disposed, and throws
    /// ObjectDisposedException instead of the start's own exception: a race in
    /// Microsoft.AspNetCore.Mvc.Testing, not in the gateway. Such an attempt is repeated.
    /// </summary>
    static async Task<Exception> StartFailureAsync(Func<GatewayFactory> createGateway)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var gateway = createGateway();
            var exception = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
            if (exception is not ObjectDisposedException || attempt == 5)
            {
                return exception;
            }
        }
    }
}
