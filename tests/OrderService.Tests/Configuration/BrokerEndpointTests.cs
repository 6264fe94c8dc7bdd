using OrderService;

namespace OrderService.Tests.Configuration;

public sealed class BrokerEndpointTests
{
    [Fact]
    public void Without_a_uri_the_separate_settings_are_used_with_5672()
    {
        var broker = BrokerEndpoint.From(new RabbitMqSettings { Host = "rabbit", VirtualHost = "shop", Username = "u", Password = "p" });

        Assert.Equal(new BrokerEndpoint("rabbit", 5672, "shop", "u", "p", false, null, null), broker);
    }

    [Fact]
    public void Tls_without_a_port_connects_to_5671()
    {
        var broker = BrokerEndpoint.From(new RabbitMqSettings { Host = "rabbit", UseTls = true, TlsServerName = "broker.internal" });

        Assert.Equal(5671, broker.Port);
        Assert.True(broker.UseTls);
        Assert.Equal("broker.internal", broker.TlsServerName);
    }

    [Fact]
    public void An_amqps_uri_wins_over_the_parts_and_means_tls_on_5671()
    {
        var settings = new RabbitMqSettings
        {
            Uri = "amqps://shop:s3cr%40t@b-1234.mq.eu-central-1.amazonaws.com/payguru",
            Host = "ignored",
            Username = "ignored",
            Password = "ignored",
        };

        var broker = BrokerEndpoint.From(settings);

        Assert.Equal(new BrokerEndpoint("b-1234.mq.eu-central-1.amazonaws.com", 5671, "payguru", "shop", "s3cr@t", true, null, null), broker);
    }

    [Fact]
    public void An_amqp_uri_with_a_port_and_the_escaped_default_virtual_host()
    {
        var broker = BrokerEndpoint.From(new RabbitMqSettings { Uri = "amqp://guest:guest@localhost:5673/%2F" });

        Assert.Equal(new BrokerEndpoint("localhost", 5673, "/", "guest", "guest", false, null, null), broker);
    }

    [Theory]
    [InlineData("http://shop:hunter2@rabbit/")]
    [InlineData("shop:hunter2@rabbit")]
    [InlineData("amqps://shop:hunter2@/vhost")]
    public void A_uri_that_cannot_be_read_is_refused_naming_the_setting_without_repeating_it(string uri)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BrokerEndpoint.From(new RabbitMqSettings { Uri = uri }));

        Assert.StartsWith("RabbitMq:Uri must be", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Fact]
    public void A_plain_uri_with_tls_on_is_refused_so_nothing_goes_out_in_plain_text()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            BrokerEndpoint.From(new RabbitMqSettings { Uri = "amqp://shop:hunter2@rabbit/", UseTls = true }));

        Assert.Contains("RabbitMq:UseTls", failure.Message);
        Assert.DoesNotContain("hunter2", failure.Message);
    }

    [Fact]
    public void A_trusted_ca_file_that_does_not_exist_is_refused_naming_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new BrokerCertificateCheck("/nonexistent/ca.pem"));

        Assert.Contains("RabbitMq:TrustedCaFile", failure.Message);
    }
}
