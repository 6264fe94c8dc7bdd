using System.Text.RegularExpressions;
using Payguru.Testing;
using Payguru.Testing.Containers;
using YamlDotNet.RepresentationModel;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// .github/workflows/ci.yml, checked without GitHub and without a Docker engine (neither is here, so the workflow is
/// never run): it parses, names only files that exist and scripts that are executable and parse, runs the tests
/// with the SQL Server suites required, builds the images from the compose file and smoke-tests every service.
/// </summary>
public sealed partial class CiWorkflowTests
{
    static readonly string WorkflowPath = Path.Combine(RepoPaths.Root, ".github", "workflows", "ci.yml");

    static readonly string SmokeScript = "scripts/compose-smoke.sh";

    [Fact]
    public void Workflow_has_the_test_and_image_jobs_on_a_hosted_runner()
    {
        var jobs = Mapping(Workflow(), "jobs");

        Assert.Equal(["images", "test"], jobs.Children.Keys.Select(Text).Order(StringComparer.Ordinal));
        Assert.All(jobs.Children.Values.Cast<YamlMappingNode>(), job =>
        {
            Assert.StartsWith("ubuntu-", Text(job["runs-on"]), StringComparison.Ordinal);
            Assert.True(int.Parse(Text(job["timeout-minutes"]), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal("actions/checkout", Uses(job).First().Split('@')[0]);
        });
        Assert.True(Workflow().Children.ContainsKey("on"), "the workflow has no trigger");
    }

    [Fact]
    public void Every_action_is_pinned_to_a_major_version()
    {
        var uses = Mapping(Workflow(), "jobs").Children.Values.Cast<YamlMappingNode>().SelectMany(Uses).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, action => Assert.Matches(PinnedAction(), action));
    }

    [Fact]
    public async Task Every_file_it_names_exists_and_every_script_it_runs_is_executable_and_parses()
    {
        var steps = Steps().ToList();
        var files = steps.SelectMany(step => step.Run is null ? [] : PathsIn(step.Run))
            .Concat(steps.SelectMany(step => step.With).Where(with => with.Key.EndsWith("-file", StringComparison.Ordinal)).Select(with => with.Value))
            .Distinct()
            .ToList();

        Assert.Contains("./test.sh", files);
        Assert.Contains(SmokeScript, files);
        Assert.Contains("docker-compose.yml", files);
        Assert.Contains("global.json", files);
        Assert.All(files, file => Assert.True(File.Exists(InRepo(file)), $"ci.yml names {file}, which does not exist"));
        foreach (var script in files.Where(file => file.EndsWith(".sh", StringComparison.Ordinal)))
        {
            Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(InRepo(script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
            await using var check = ServiceProcess.Start("bash", ["-n", InRepo(script)], new Dictionary<string, string?>(), RepoPaths.Root, name: "bash -n");
            var exitCode = await check.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"bash -n {script}: {check.OutputText}");
        }
    }

    [Fact]
    public void Tests_run_through_test_sh_with_the_SQL_Server_suites_required()
    {
        var run = Assert.Single(Steps("test"), step => step.Run?.Contains("./test.sh", StringComparison.Ordinal) == true).Run!;

        // Required, so that a runner whose Docker engine is gone fails the SQL Server suites instead of skipping them.
        Assert.Contains($"{TestSqlServer.RequiredVariable}=true", run);
        Assert.DoesNotContain(TestSqlServer.ServerVariable + "=", run);
        // Machines without Docker keep their CI entry point.
        Assert.Contains("exec ./test.sh", File.ReadAllText(InRepo(".ci/run")));
        Assert.Contains("results=TestResults/", File.ReadAllText(InRepo("test.sh")));
    }

    [Fact]
    public async Task Images_are_built_from_the_compose_file_and_the_smoke_test_waits_for_every_long_running_service()
    {
        var runs = Steps("images").Select(step => step.Run).OfType<string>().ToList();
        Assert.Contains(runs, run => run.StartsWith("docker compose -f docker-compose.yml build", StringComparison.Ordinal));
        Assert.Contains(SmokeScript, runs);

        // The smoke test's wait covers each service that keeps running, and checks the one-shot init's exit.
        var services = ((YamlMappingNode)(await DockerCompose.ResolvedAsync())["services"]).Children
            .Where(service => !((YamlMappingNode)service.Value).Children.ContainsKey("restart") || Text(((YamlMappingNode)service.Value)["restart"]) != "no")
            .Select(service => Text(service.Key))
            .Order(StringComparer.Ordinal);
        var script = File.ReadAllText(InRepo(SmokeScript));
        var waited = WaitedServices().Match(script);
        Assert.True(waited.Success, $"{SmokeScript}: no 'for service in …' loop over the services");
        Assert.Equal(services, waited.Groups["services"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains("health sqlserver-init)\" = exited:0", script);
        Assert.Contains("/health/ready", script);
        Assert.Contains("/_sandbox/end-of-day?pay=true", script);
    }

    /// <summary>Words of a run line that name a file of the repository: a path with a slash or a file name with an extension.</summary>
    static IEnumerable<string> PathsIn(string run) =>
        run.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !word.StartsWith('-') && !word.Contains('$') && !word.Contains('=') && !word.Contains("://", StringComparison.Ordinal))
            .Where(word => word.Contains('/') || FileName().IsMatch(word));

    static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(WorkflowPath)));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    static IEnumerable<(string? Run, IReadOnlyDictionary<string, string> With)> Steps(string? job = null) =>
        Mapping(Workflow(), "jobs").Children
            .Where(pair => job is null || Text(pair.Key) == job)
            .SelectMany(pair => (YamlSequenceNode)((YamlMappingNode)pair.Value)["steps"])
            .Cast<YamlMappingNode>()
            .Select(step => (
                step.Children.TryGetValue("run", out var run) ? Text(run) : null,
                (IReadOnlyDictionary<string, string>)(step.Children.TryGetValue("with", out var with)
                    ? ((YamlMappingNode)with).Children.ToDictionary(p => Text(p.Key), p => Text(p.Value))
                    : new Dictionary<string, string>())));

    static IEnumerable<string> Uses(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey("uses"))
            .Select(step => Text(step["uses"]));

    static YamlMappingNode Mapping(YamlMappingNode node, string key) => Assert.IsType<YamlMappingNode>(node[key]);

    static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    static string InRepo(string relative) => Path.Combine(RepoPaths.Root, relative);

    [GeneratedRegex(@"^[\w-]+/[\w-]+@v\d+$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"^[\w.-]+\.(sh|yml|yaml|json|csproj|sln|props)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"for service in (?<services>[a-z -]+); do")]
    private static partial Regex WaitedServices();
}
