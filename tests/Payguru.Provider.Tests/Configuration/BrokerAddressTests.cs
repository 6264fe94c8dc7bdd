using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Payguru.Messaging.Broker;
using Payguru.Messaging.Configuration;
using Payguru.Testing;

namespace Payguru.Provider.Tests.Configuration;

/// <summary>
/// How <c>RabbitMq:*</c> becomes the broker's address: the parts, a URI, cluster members, TLS and its files; and every
/// setting that cannot work refused at start, naming the setting and never the password.
/// </summary>
public sealed class BrokerAddressTests : IDisposable
{
    const string Secret = "s3cr3t-Pa55";
    readonly TempDirectory _files = new("payguru-broker-address");

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Defaults_are_one_local_node_on_5672_without_tls()
    {
        var address = Resolve(new RabbitMqOptions());

        Assert.Equal([new BrokerNode("localhost", 5672)], address.Nodes);
        Assert.Equal(("/", "guest", "guest", false), (address.VirtualHost, address.Username, address.Password, address.UseTls));
    }

    [Fact]
    public void Tls_moves_the_default_port_to_5671_and_an_explicit_port_wins()
    {
        Assert.Equal(5671, Resolve(new RabbitMqOptions { UseTls = true }).Nodes[0].Port);
        Assert.Equal(6000, Resolve(new RabbitMqOptions { UseTls = true, Port = 6000 }).Nodes[0].Port);
    }

    [Fact]
    public void An_amqps_uri_gives_host_port_credentials_virtual_host_and_tls()
    {
        var address = Resolve(new RabbitMqOptions { Uri = "amqps://shop%40prod:p%3Ass@broker.example.com/payguru%2Fprod", Username = "ignored" });

        Assert.Equal([new BrokerNode("broker.example.com", 5671)], address.Nodes);
        Assert.Equal(("payguru/prod", "shop@prod", "p:ss", true), (address.VirtualHost, address.Username, address.Password, address.UseTls));
    }

    [Fact]
    public void An_amqp_uri_without_user_or_path_keeps_the_parts_for_them()
    {
        var address = Resolve(new RabbitMqOptions { Uri = "amqp://rabbit:5673", Username = "svc", Password = "pw", VirtualHost = "shop" });

        Assert.Equal([new BrokerNode("rabbit", 5673)], address.Nodes);
        Assert.Equal(("shop", "svc", "pw", false), (address.VirtualHost, address.Username, address.Password, address.UseTls));
    }

    [Fact]
    public void Hosts_become_cluster_members_in_order_with_the_default_port_where_none_is_given()
    {
        var address = Resolve(new RabbitMqOptions { Hosts = ["rabbit-1", "rabbit-2:5673", "[::1]:5674", "[fe80::1]"], UseTls = true });

        Assert.Equal(
            [new BrokerNode("rabbit-1", 5671), new BrokerNode("rabbit-2", 5673), new BrokerNode("::1", 5674), new BrokerNode("fe80::1", 5671)],
            address.Nodes);
        Assert.Equal("[::1]:5674", address.Nodes[2].ToString());
    }

    [Theory]
    [InlineData("rabbit:0")]
    [InlineData("rabbit:70000")]
    [InlineData("rabbit:x")]
    [InlineData("")]
    [InlineData("a:1:2")]
    [InlineData("[::1")]
    public void A_bad_hosts_entry_is_refused_naming_the_setting(string entry)
    {
        var problems = Problems(new RabbitMqOptions { Hosts = ["good", entry] });

        Assert.Contains(problems, p => p.Contains("RabbitMq:Hosts") && p.Contains($"'{entry}'"));
    }

    [Theory]
    [InlineData("http://guest:" + Secret + "@localhost/")]
    [InlineData("amqp:///vhost")]
    [InlineData("not a uri " + Secret)]
    [InlineData("amqp://guest:" + Secret + "@localhost/a/b")]
    public void A_bad_uri_is_refused_naming_the_setting_but_not_its_value(string uri)
    {
        var problems = Problems(new RabbitMqOptions { Uri = uri });

        Assert.Contains(problems, p => p.Contains("RabbitMq:Uri"));
        Assert.DoesNotContain(problems, p => p.Contains(Secret));
    }

    [Fact]
    public void Uri_and_hosts_together_are_refused()
    {
        Assert.Contains(Problems(new RabbitMqOptions { Uri = "amqp://a", Hosts = ["b"] }), p => p.Contains("RabbitMq:Uri and RabbitMq:Hosts"));
    }

    [Fact]
    public void Use_tls_with_a_plain_amqp_uri_is_refused()
    {
        Assert.Contains(Problems(new RabbitMqOptions { Uri = "amqp://a", UseTls = true }), p => p.Contains("RabbitMq:UseTls") && p.Contains("amqps://"));
    }

    [Theory]
    [InlineData("TlsServerName")]
    [InlineData("TrustedCaFile")]
    [InlineData("ClientCertificatePath")]
    public void A_certificate_setting_without_tls_is_refused_so_nothing_goes_out_in_plain_text_by_mistake(string setting)
    {
        var options = new RabbitMqOptions();
        typeof(RabbitMqOptions).GetProperty(setting)!.SetValue(options, "x");

        Assert.Contains(Problems(options), p => p.StartsWith($"RabbitMq:{setting} is set but TLS is off"));
    }

    [Fact]
    public void Missing_certificate_files_are_refused_naming_the_setting()
    {
        var problems = Problems(new RabbitMqOptions
        {
            UseTls = true, TrustedCaFile = _files.File("ca.pem"), ClientCertificatePath = _files.File("client.pfx"),
        });

        Assert.Contains(problems, p => p.StartsWith("RabbitMq:TrustedCaFile") && p.Contains("does not exist"));
        Assert.Contains(problems, p => p.StartsWith("RabbitMq:ClientCertificatePath") && p.Contains("does not exist"));
    }

    [Fact]
    public void A_ca_file_without_a_certificate_is_refused()
    {
        File.WriteAllText(_files.File("ca.pem"), "not a certificate");

        Assert.Contains(Problems(new RabbitMqOptions { UseTls = true, TrustedCaFile = _files.File("ca.pem") }), p => p.Contains("holds no certificate"));
    }

    [Fact]
    public void Ca_files_load_as_pem_or_der()
    {
        using var ca = SelfSigned("CN=Test CA");
        File.WriteAllText(_files.File("ca.pem"), ca.ExportCertificatePem());
        File.WriteAllBytes(_files.File("ca.der"), ca.Export(X509ContentType.Cert));

        foreach (var file in new[] { "ca.pem", "ca.der" })
        {
            var address = Resolve(new RabbitMqOptions { UseTls = true, TrustedCaFile = _files.File(file) });
            Assert.Equal(ca.Thumbprint, Assert.Single(address.TrustedCas!).Thumbprint);
        }
    }

    [Fact]
    public void A_client_certificate_opens_with_its_password_and_a_wrong_password_is_refused_without_showing_it()
    {
        using var client = SelfSigned("CN=payguru-client");
        File.WriteAllBytes(_files.File("client.pfx"), client.Export(X509ContentType.Pkcs12, Secret));

        var address = Resolve(new RabbitMqOptions { UseTls = true, ClientCertificatePath = _files.File("client.pfx"), ClientCertificatePassword = Secret });
        Assert.True(address.ClientCertificate!.HasPrivateKey);

        var problems = Problems(new RabbitMqOptions { UseTls = true, ClientCertificatePath = _files.File("client.pfx"), ClientCertificatePassword = "wrong-" + Secret });
        var problem = Assert.Single(problems);
        Assert.Contains("RabbitMq:ClientCertificatePassword", problem);
        Assert.DoesNotContain(Secret, problem);
    }

    [Fact]
    public void The_validator_reports_address_problems_with_the_queue_type_ones()
    {
        var result = new RabbitMqOptionsValidator().Validate(null, new RabbitMqOptions { Uri = "amqp://a", Hosts = ["b"], QueueType = "Stream" });

        Assert.Contains("RabbitMq:Uri and RabbitMq:Hosts", result.FailureMessage);
        Assert.Contains("RabbitMq:QueueType", result.FailureMessage);
    }

    [Fact]
    public void Describe_names_nodes_virtual_host_and_tls_but_never_the_password()
    {
        var description = Resolve(new RabbitMqOptions { Uri = $"amqps://svc:{Secret}@rabbit:5671/shop" }).Describe();

        Assert.Equal("virtual host 'shop' on rabbit:5671 over TLS", description);
    }

    static BrokerAddress Resolve(RabbitMqOptions options)
    {
        var problems = new List<string>();
        var address = BrokerAddress.TryResolve(options, problems);
        Assert.True(address is not null, string.Join(" | ", problems));
        return address;
    }

    static List<string> Problems(RabbitMqOptions options)
    {
        var problems = new List<string>();
        Assert.Null(BrokerAddress.TryResolve(options, problems));
        return problems;
    }

    static X509Certificate2 SelfSigned(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
