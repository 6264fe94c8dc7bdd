using System.Text.Json;
using System.Text.RegularExpressions;
using Payguru.Testing;
using YamlDotNet.RepresentationModel;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// docker-compose.yml, checked by docker-compose itself (Debian's 1.29; no Docker engine runs here, so the images
/// are not built and nothing is started): valid, the system's services with health checks, a start order that
/// waits for health, and settings that make the services find each other and agree on credentials.
/// </summary>
public sealed class ComposeFileTests
{
    static readonly string[] LongRunning = ["rabbitmq", "sqlserver", "sandbox", "processor", "gateway"];

    static readonly (string Service, string Dockerfile)[] Built =
        [("sandbox", "tools/Payguru.Sandbox/Dockerfile"), ("processor", "services/RefundProcessor/Dockerfile"), ("gateway", "services/Gateway/Dockerfile")];

    /// <summary>
    /// The runtime image of the built services and what its health checks may call. mcr.microsoft.com/dotnet/aspnet:10.0
    /// is Ubuntu 24.04: dotnet/dotnet-docker's manifest.json gives the 10.0 tag to src/aspnet/10.0/noble, built on
    /// runtime:10.0-noble, on runtime-deps:10.0-noble, FROM ubuntu:noble plus the .NET libraries (no curl, no wget).
    /// Ubuntu's base has bash (exec, printf and /dev/tcp are its own), coreutils' head and grep. The chiseled and
    /// Alpine variants have no bash: moving to one fails here before compose waits forever for a health check.
    /// </summary>
    const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    static readonly string[] RuntimeImageCommands = ["exec", "printf", "head", "grep"];

    [Fact]
    public async Task Compose_file_is_valid()
    {
        var (exitCode, output, errors) = await DockerCompose.RunAsync(["config", "-q"]);

        Assert.True(exitCode == 0, $"docker-compose config -q exited with {exitCode}:\n{errors}");
        Assert.Equal("", output);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task Compose_file_has_the_five_services_and_the_database_init()
    {
        var (exitCode, output, errors) = await DockerCompose.RunAsync(["config", "--services"]);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(
            ["gateway", "processor", "rabbitmq", "sandbox", "sqlserver", "sqlserver-init"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_long_running_service_has_a_health_check()
    {
        var services = Services(await DockerCompose.ResolvedAsync());

        Assert.All(LongRunning, name =>
        {
            var test = Assert.IsType<YamlSequenceNode>(Mapping(services, name, "healthcheck")["test"]);
            Assert.True(test.Children.Count >= 2, $"{name}: healthcheck.test is empty");
            Assert.Contains(Text(test[0]), new[] { "CMD", "CMD-SHELL" });
        });
        Assert.Contains("rabbitmq-diagnostics", Texts(Mapping(services, "rabbitmq", "healthcheck")["test"]));
        Assert.Contains("/opt/mssql-tools18/bin/sqlcmd", Text(Sequence(services, "sqlserver", "healthcheck", "test")[1]));
        Assert.Contains("GET /health/ready", string.Join(' ', Texts(Mapping(services, "processor", "healthcheck")["test"])));
        Assert.Contains("GET /health/ready", string.Join(' ', Texts(Mapping(services, "gateway", "healthcheck")["test"])));
    }

    [Fact]
    public async Task Start_order_waits_for_health_and_for_the_database_to_exist()
    {
        var services = Services(await DockerCompose.ResolvedAsync());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["rabbitmq"] = "service_healthy",
                ["sqlserver"] = "service_healthy",
                ["sqlserver-init"] = "service_completed_successfully",
                ["sandbox"] = "service_healthy",
            },
            DependsOn(services, "processor"));
        Assert.Equal(new Dictionary<string, string> { ["rabbitmq"] = "service_healthy" }, DependsOn(services, "gateway"));
        Assert.Equal(new Dictionary<string, string> { ["sqlserver"] = "service_healthy" }, DependsOn(services, "sqlserver-init"));
        Assert.Contains("CREATE DATABASE Payguru", string.Join(' ', Texts(Mapping(services, "sqlserver-init")["entrypoint"])));
    }

    [Fact]
    public async Task Processor_runs_on_SQL_Server_with_the_password_SQL_Server_is_given()
    {
        var services = Services(await DockerCompose.ResolvedAsync(new Dictionary<string, string?> { ["MSSQL_SA_PASSWORD"] = "Test-Password-42" }));

        var processor = Environment(services, "processor");
        Assert.Equal("SqlServer", processor["Database__Provider"]);
        var connection = processor["ConnectionStrings__Payguru"].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        Assert.Equal("sqlserver", connection["Server"]);
        Assert.Equal("Payguru", connection["Database"]);
        Assert.Equal("sa", connection["User Id"]);
        Assert.Equal("Test-Password-42", connection["Password"]);
        Assert.Equal("true", connection["TrustServerCertificate"]);
        Assert.Equal("Test-Password-42", Environment(services, "sqlserver")["MSSQL_SA_PASSWORD"]);
        Assert.Equal("Y", Environment(services, "sqlserver")["ACCEPT_EULA"]);
        Assert.Equal("Test-Password-42", Environment(services, "sqlserver-init")["MSSQL_SA_PASSWORD"]);
    }

    [Fact]
    public async Task Services_reach_each_other_by_name_with_the_broker_user_RabbitMQ_creates()
    {
        var services = Services(await DockerCompose.ResolvedAsync(new Dictionary<string, string?> { ["RABBITMQ_PASSWORD"] = "Test-Broker-7" }));

        var broker = Environment(services, "rabbitmq");
        Assert.Equal("Test-Broker-7", broker["RABBITMQ_DEFAULT_PASS"]);
        Assert.All(new[] { "processor", "gateway" }, name =>
        {
            var environment = Environment(services, name);
            Assert.Equal("rabbitmq", environment["RabbitMq__Host"]);
            Assert.Equal(broker["RABBITMQ_DEFAULT_USER"], environment["RabbitMq__Username"]);
            Assert.Equal(broker["RABBITMQ_DEFAULT_PASS"], environment["RabbitMq__Password"]);
        });
        Assert.Equal("http://sandbox:8080", Environment(services, "processor")["Payguru__BaseUrl"]);
        Assert.Equal("http://gateway:8080", Environment(services, "sandbox")["Sandbox__Merchants__0__CallbackBaseUrl"]);
    }

    [Fact]
    public async Task Defaults_are_the_demo_merchant_and_the_first_ids_the_sandbox_has()
    {
        var services = Services(await DockerCompose.ResolvedAsync());
        using var sandboxSettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tools", "Payguru.Sandbox", "appsettings.json")));
        var merchant = sandboxSettings.RootElement.GetProperty("Sandbox").GetProperty("Merchants")[0];
        var service = merchant.GetProperty("Services")[0];

        Assert.All(new[] { "processor", "gateway" }, name =>
        {
            var environment = Environment(services, name);
            Assert.Equal(merchant.GetProperty("Id").GetString(), environment["Payguru__MerchantId"]);
            Assert.Equal(merchant.GetProperty("Key").GetString(), environment["Payguru__MerchantKey"]);
            Assert.Equal(service.GetProperty("Code").GetString(), environment["Payguru__Services__0__Code"]);
            Assert.Equal(service.GetProperty("Key").GetString(), environment["Payguru__Services__0__Key"]);
        });
        Assert.Equal(merchant.GetProperty("ServerIp").GetString(), Environment(services, "processor")["Payguru__ServerIp"]);
        Assert.False(string.IsNullOrEmpty(Environment(services, "gateway")["Gateway__ApiKeys__0"]));
        var sandbox = Environment(services, "sandbox");
        Assert.Equal(sandboxSettings.RootElement.GetProperty("Sandbox").GetProperty("FirstTxid").GetRawText(), sandbox["Sandbox__FirstTxid"]);
        Assert.Equal(sandboxSettings.RootElement.GetProperty("Sandbox").GetProperty("FirstRefundId").GetRawText(), sandbox["Sandbox__FirstRefundId"]);
    }

    [Fact]
    public async Task Built_services_use_the_repository_Dockerfiles_and_their_port()
    {
        var services = Services(await DockerCompose.ResolvedAsync());

        Assert.All(Built, built =>
        {
            var build = Mapping(services, built.Item1, "build");
            Assert.Equal(RepoPaths.Root.TrimEnd('/'), Text(build["context"]).TrimEnd('/'));
            Assert.Equal(built.Item2, Text(build["dockerfile"]));
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, built.Item2)), built.Item2);
            var ports = Assert.IsType<YamlSequenceNode>(Mapping(services, built.Item1)["ports"]);
            Assert.All(ports, port => Assert.Equal("8080", ContainerPort(port)));
        });
    }

    [Fact]
    public async Task Health_checks_of_the_built_services_run_only_what_their_runtime_image_has()
    {
        var services = Services(await DockerCompose.ResolvedAsync());

        Assert.All(Built, built =>
        {
            Assert.Equal(RuntimeImage, Dockerfile.Load(Path.Combine(RepoPaths.Root, built.Dockerfile)).Final.Image);
            var test = Texts(Mapping(services, built.Service, "healthcheck")["test"]).ToList();
            Assert.Equal(["CMD", "bash", "-c"], test[..3]);
            var commands = Regex.Split(test[3], @"&&|\|\||\||;").Select(command => command.Trim().Split(' ')[0]).ToList();
            Assert.All(commands, command => Assert.True(
                RuntimeImageCommands.Contains(command), $"{built.Service}: its health check runs {command}, which {RuntimeImage} may not have"));
        });
    }

    static YamlMappingNode Services(YamlMappingNode root) => (YamlMappingNode)root["services"];

    static YamlMappingNode Mapping(YamlMappingNode services, string service, params string[] path)
    {
        Assert.True(services.Children.ContainsKey(service), $"no service {service}");
        var node = services[service];
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.ContainsKey(key), $"{service} has no {key}");
            node = mapping[key];
        }

        return Assert.IsType<YamlMappingNode>(node);
    }

    static YamlSequenceNode Sequence(YamlMappingNode services, string service, string key, string child) =>
        Assert.IsType<YamlSequenceNode>(Mapping(services, service, key)[child]);

    static Dictionary<string, string> Environment(YamlMappingNode services, string service) =>
        Mapping(services, service, "environment").Children.ToDictionary(pair => Text(pair.Key), pair => Text(pair.Value));

    static Dictionary<string, string> DependsOn(YamlMappingNode services, string service) =>
        Mapping(services, service, "depends_on").Children.ToDictionary(
            pair => Text(pair.Key), pair => Text(((YamlMappingNode)pair.Value)["condition"]));

    /// <summary>docker-compose prints "127.0.0.1:5081:8080" as "127.0.0.1:5081:8080/tcp", "5080:8080" as { published, target }.</summary>
    static string ContainerPort(YamlNode port) =>
        port is YamlMappingNode mapping ? Text(mapping["target"]) : Text(port).Split(':')[^1].Split('/')[0];

    static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    static IEnumerable<string> Texts(YamlNode node) => Assert.IsType<YamlSequenceNode>(node).Select(Text);
}
