using Payguru.Testing;
using YamlDotNet.RepresentationModel;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// Debian's <c>docker-compose</c> (installed by ./test.sh) run on the repository's docker-compose.yml. Its
/// <c>config</c> commands validate and resolve the file without a Docker engine, which these machines lack.
/// </summary>
public static class DockerCompose
{
    public static readonly string File = Path.Combine(RepoPaths.Root, "docker-compose.yml");

    /// <summary>The variables the compose file reads; removed unless a test sets them, so the file's defaults apply.</summary>
    public static readonly string[] Variables =
    [
        "RABBITMQ_PASSWORD", "MSSQL_SA_PASSWORD", "PAYGURU_BASE_URL", "PAYGURU_MERCHANT_ID", "PAYGURU_MERCHANT_KEY",
        "PAYGURU_SERVER_IP", "PAYGURU_SERVICE_CODE", "PAYGURU_SERVICE_KEY", "GATEWAY_API_KEY", "SANDBOX_FIRST_TXID",
        "SANDBOX_FIRST_REFUND_ID",
    ];

    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>docker-compose -f docker-compose.yml ARGS</c> from the repository root.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? variables = null)
    {
        var executable = FindOnPath("docker-compose")
            ?? throw new InvalidOperationException(
                "docker-compose is not installed: ./test.sh installs Debian's package (apt-get install docker-compose).");
        var environment = Variables.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        await using var process = ServiceProcess.Start(executable, ["-f", File, .. arguments], environment, RepoPaths.Root, name: "docker-compose");
        var exitCode = await process.WaitForExitAsync(Timeout);
        var output = string.Join('\n', process.Output.Where(line => !line.IsError).Select(line => line.Text));
        var errors = string.Join('\n', process.Output.Where(line => line.IsError).Select(line => line.Text));
        return (exitCode, output, errors);
    }

    /// <summary>The file as docker-compose resolves it (<c>config</c>: defaults and anchors applied), as YAML nodes.</summary>
    public static async Task<YamlMappingNode> ResolvedAsync(IReadOnlyDictionary<string, string?>? variables = null)
    {
        var (exitCode, output, errors) = await RunAsync(["config"], variables);
        Assert.True(exitCode == 0, $"docker-compose config exited with {exitCode}:\n{errors}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(output));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(System.IO.File.Exists);
}
