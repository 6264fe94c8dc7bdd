using System.Globalization;
using Payguru.Testing.Containers;
using Testcontainers.RabbitMq;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// The RabbitMQ node of the broker tests, chosen once per test run: the local node the test run's script started
/// (guest/guest on localhost:5672, the default), or with <see cref="ModeVariable"/>=container a RabbitMQ started with
/// Testcontainers (the compose file's image), whose rabbitmqctl runs inside the container. Container mode needs a
/// Docker engine; without one the tests that use the broker fail, saying why.
/// </summary>
public sealed class RabbitMqNode
{
    public const string ModeVariable = "PAYGURU_TEST_RABBITMQ";

    /// <summary>The image docker-compose.yml runs, with the management API the error queue tool lists queues through.</summary>
    public const string Image = "rabbitmq:3-management";

    const int ManagementPort = 15672;

    static readonly Lazy<RabbitMqNode> Chosen = new(Choose);

    readonly RabbitMqContainer? _container;

    RabbitMqNode(string host, ushort port, string username, string password, string managementUrl, RabbitMqContainer? container)
    {
        Host = host;
        Port = port;
        Username = username;
        Password = password;
        ManagementUrl = managementUrl;
        _container = container;
    }

    /// <summary>The node of this test run (a container is started by the first test that asks).</summary>
    public static RabbitMqNode Current => Chosen.Value;

    public string Host { get; }

    public ushort Port { get; }

    public string Username { get; }

    public string Password { get; }

    public string ManagementUrl { get; }

    public bool InContainer => _container is not null;

    /// <summary>Runs rabbitmqctl in the container; null for the local node, whose rabbitmqctl is on PATH.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)?> TryExecRabbitMqCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (_container is null)
        {
            return null;
        }

        var result = await _container.ExecAsync(["rabbitmqctl", .. arguments], cancellationToken);
        var exitCode = result.ExitCode
            ?? throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} in the container gave no exit code.");
        return ((int)exitCode, result.Stdout, result.Stderr);
    }

    static RabbitMqNode Choose()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        if (string.IsNullOrEmpty(mode) || mode == "local")
        {
            return new RabbitMqNode("localhost", 5672, "guest", "guest", "http://localhost:15672/", null);
        }

        if (mode != "container")
        {
            throw new InvalidOperationException($"{ModeVariable}={mode}: expected local (the default) or container.");
        }

        // Once per test run, before any test talks to the broker: blocking here keeps Host and Port plain properties.
        return StartContainerAsync().GetAwaiter().GetResult();
    }

    static async Task<RabbitMqNode> StartContainerAsync()
    {
        if (await DockerEngine.UnavailableReasonAsync() is { } noDocker)
        {
            throw new InvalidOperationException($"{ModeVariable}=container, but {noDocker}. Unset it to use the local RabbitMQ.");
        }

        // guest may log in from loopback only, and the tests reach the container through a mapped port.
        const string username = "payguru-test";
        const string password = "payguru-test";
        var container = new RabbitMqBuilder(Image).WithUsername(username).WithPassword(password).WithPortBinding(ManagementPort, true).Build();
        await container.StartAsync().ConfigureAwait(false);
        var host = container.Hostname;
        var management = container.GetMappedPublicPort(ManagementPort).ToString(CultureInfo.InvariantCulture);
        return new RabbitMqNode(host, container.GetMappedPublicPort(RabbitMqBuilder.RabbitMqPort), username, password, $"http://{host}:{management}/", container);
    }
}
