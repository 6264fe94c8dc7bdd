using Payguru.Testing;
using YamlDotNet.RepresentationModel;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// docker-compose.tls.yml, the optional AMQPS override: docker-compose merges it with docker-compose.yml, the broker
/// gets a TLS listener on the certificate files scripts/tls-certificates.sh makes, and both services turn TLS on with
/// the CA; without the override nothing changes.
/// </summary>
public sealed class ComposeTlsTests
{
    static readonly string TlsFile = Path.Combine(RepoPaths.Root, "docker-compose.tls.yml");
    static readonly string BrokerConfig = Path.Combine(RepoPaths.Root, "deploy", "rabbitmq-tls.conf");

    [Fact]
    public async Task With_the_override_both_services_use_tls_with_the_private_ca()
    {
        var (exitCode, output, errors) = await DockerCompose.RunAsync(["-f", TlsFile, "config"]);
        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{errors}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode)["services"];

        foreach (var name in new[] { "gateway", "processor" })
        {
            var environment = (YamlMappingNode)((YamlMappingNode)services[name])["environment"];
            Assert.Equal("true", ((YamlScalarNode)environment["RabbitMq__UseTls"]).Value);
            Assert.Equal("/certs/ca.pem", ((YamlScalarNode)environment["RabbitMq__TrustedCaFile"]).Value);
            // The certificate is made for the name the services connect to.
            Assert.Equal("rabbitmq", ((YamlScalarNode)environment["RabbitMq__Host"]).Value);
        }

        Assert.Contains("/etc/rabbitmq/conf.d/20-tls.conf", output);
        Assert.Contains("5671", output);
    }

    [Fact]
    public async Task Without_the_override_the_services_connect_in_plain_amqp()
    {
        var services = (YamlMappingNode)(await DockerCompose.ResolvedAsync())["services"];

        foreach (var name in new[] { "gateway", "processor" })
        {
            var environment = (YamlMappingNode)((YamlMappingNode)services[name])["environment"];
            Assert.DoesNotContain(environment.Children.Keys, key => ((YamlScalarNode)key).Value!.StartsWith("RabbitMq__UseTls", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_broker_config_listens_on_5671_with_the_files_the_certificate_script_makes()
    {
        var config = File.ReadAllLines(BrokerConfig);
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "tls-certificates.sh"));

        Assert.Contains("listeners.ssl.default = 5671", config);
        foreach (var (key, file) in new[] { ("cacertfile", "ca.pem"), ("certfile", "server.pem"), ("keyfile", "server.key") })
        {
            Assert.Contains($"ssl_options.{key} = /certs/{file}", config);
            Assert.Contains(file, script);
        }
    }
}
