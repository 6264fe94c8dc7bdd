using MassTransit;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Broker;
using Payguru.Messaging.Configuration;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Brokers;

/// <summary>
/// AMQPS for real: a node with a TLS listener and openssl-made certificates. The bus (through UsePayguruBroker) makes a
/// round trip over TLS presenting its client certificate; a broker certificate from a CA the client does not trust, or
/// issued to another name, is refused, and the gateway's start fails naming the setting.
/// </summary>
public sealed class TlsBrokerTests(TlsBroker broker, ITestOutputHelper output) : IClassFixture<TlsBroker>
{
    public sealed record TlsPing(Guid Id);

    RabbitMqOptions Options(Action<RabbitMqOptions>? change = null)
    {
        var options = new RabbitMqOptions
        {
            Host = "localhost",
            Port = broker.TlsPort,
            UseTls = true,
            TrustedCaFile = broker.Certificates.CaFile,
        };
        change?.Invoke(options);
        return options;
    }

    [Fact]
    public async Task A_message_makes_a_round_trip_over_amqps_with_the_client_certificate()
    {
        var options = Options(o =>
        {
            o.ClientCertificatePath = broker.Certificates.ClientCertificateFile;
            o.ClientCertificatePassword = TestCertificates.ClientPassword;
        });
        var received = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UsePayguruBroker(options);
            cfg.ReceiveEndpoint("tls-ping", e => e.Handler<TlsPing>(context =>
            {
                received.TrySetResult(context.Message.Id);
                return Task.CompletedTask;
            }));
        });
        using (var start = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await bus.StartAsync(start.Token);
        }

        try
        {
            var id = Guid.NewGuid();
            await bus.Publish(new TlsPing(id));

            Assert.Equal(id, await received.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            // The broker's own view: every connection is TLS, authenticated by the client certificate the CA issued.
            var connections = await broker.Node.CtlAsync(1, "-q", "list_connections", "ssl", "peer_cert_subject", "--no-table-headers");
            output.WriteLine(connections);
            var lines = connections.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            Assert.All(lines, line =>
            {
                Assert.StartsWith("true", line);
                Assert.Contains("CN=payguru-client", line);
            });
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task A_certificate_from_a_ca_not_in_the_trusted_ca_file_is_refused_naming_the_setting()
    {
        var problem = await BrokerTlsCheck.FindProblemAsync(BrokerAddress.Resolve(Options(o => o.TrustedCaFile = broker.Certificates.UntrustedCaFile)), CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("does not chain to a CA in RabbitMq:TrustedCaFile", problem);
    }

    [Fact]
    public async Task Without_a_trusted_ca_file_a_private_ca_is_refused_pointing_at_the_setting()
    {
        var problem = await BrokerTlsCheck.FindProblemAsync(BrokerAddress.Resolve(Options(o => o.TrustedCaFile = null)), CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains("not trusted by this machine: set RabbitMq:TrustedCaFile", problem);
    }

    [Fact]
    public async Task The_bus_itself_refuses_an_untrusted_broker_certificate()
    {
        // MassTransit alone accepts an untrusted chain; UsePayguruBroker's validation must be the one the bus uses.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UsePayguruBroker(Options(o => o.TrustedCaFile = broker.Certificates.UntrustedCaFile));
            cfg.ReceiveEndpoint("tls-untrusted", e => e.Handler<TlsPing>(_ => Task.CompletedTask));
        });
        // MassTransit keeps retrying; when the start gives up it reports the connection's last failure.
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => bus.StartAsync(start.Token));

        output.WriteLine(failure.ToString());
        Assert.Contains("The remote certificate was rejected by the provided RemoteCertificateValidationCallback", failure.ToString());
        await bus.StopAsync();
    }

    [Fact]
    public async Task A_wrong_server_name_fails_the_gateway_start_naming_the_setting()
    {
        using var directory = new TempDirectory();
        var environment = new Dictionary<string, string?>(DemoSystem.Development)
        {
            ["RabbitMq__Host"] = "localhost",
            ["RabbitMq__Port"] = broker.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq__UseTls"] = "true",
            ["RabbitMq__TrustedCaFile"] = broker.Certificates.CaFile,
            ["RabbitMq__TlsServerName"] = "broker.example.com",
            ["RabbitMq__Password"] = "guest-Secret-77",
        };
        await using var gateway = ServiceProcess.StartGateway(environment, directory.Path, output, ["--urls", FreePort.NextHttpUrl()]);

        var exitCode = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not issued to RabbitMq:TlsServerName 'broker.example.com'", gateway.OutputText);
        Assert.DoesNotContain("guest-Secret-77", gateway.OutputText);
        Assert.False(gateway.HasOutput("Now listening on"));
    }

    [Fact]
    public async Task The_order_service_sample_connects_over_an_amqps_uri_with_a_private_ca()
    {
        using var directory = new TempDirectory();
        await using var sample = ServiceProcess.StartDll(SampleDll, SampleEnvironment(broker.Certificates.CaFile), directory.Path, output, name: "OrderService");

        await sample.WaitForOutputAsync("Bus started", TimeSpan.FromSeconds(60));

        // The port is the node's TLS listener only; the broker's own view says the connection is TLS too.
        var connections = await broker.Node.CtlAsync(1, "-q", "list_connections", "ssl", "--no-table-headers");
        output.WriteLine(connections);
        Assert.Contains(connections.Split('\n'), line => line.StartsWith("true", StringComparison.Ordinal));
        Assert.DoesNotContain("sample-Secret-41", sample.OutputText);
    }

    [Fact]
    public async Task The_order_service_sample_refuses_a_broker_certificate_from_another_ca()
    {
        using var directory = new TempDirectory();
        await using var sample = ServiceProcess.StartDll(SampleDll, SampleEnvironment(broker.Certificates.UntrustedCaFile), directory.Path, output, name: "OrderService");

        await sample.WaitForOutputAsync("The remote certificate was rejected by the provided RemoteCertificateValidationCallback", TimeSpan.FromSeconds(60));

        Assert.False(sample.HasOutput("Bus started"));
        Assert.DoesNotContain("sample-Secret-41", sample.OutputText);
    }

    static readonly string SampleDll = Path.Combine(
        RepoPaths.Root, "samples", "OrderService", "bin", RepoPaths.Configuration, RepoPaths.TargetFramework, "OrderService.dll");

    /// <summary>The sample as a managed broker's user configures it: one amqps URI (the node's guest works on loopback), a CA file.</summary>
    Dictionary<string, string?> SampleEnvironment(string caFile) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["RabbitMq__Uri"] = $"amqps://guest:guest@localhost:{broker.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/%2F",
        ["RabbitMq__TrustedCaFile"] = caFile,
        // Never used (the URI's password wins): it shows the password setting does not leak either.
        ["RabbitMq__Password"] = "sample-Secret-41",
        // MassTransit logs "Bus started" at Information; the sample keeps it at Warning otherwise.
        ["Logging__LogLevel__MassTransit"] = "Information",
    };
}
