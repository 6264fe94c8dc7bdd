using System.Diagnostics;
using Payguru.Testing;
using Xunit.Abstractions;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class ServiceProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public async Task Captures_the_output_of_a_short_lived_process()
    {
        await using var process = ServiceProcess.Start(
            ServiceProcess.DotnetHost, ["--version"], NoEnvironment, RepoPaths.Root, output, "dotnet");

        var line = await process.WaitForOutputAsync("10.", Patience);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^10\.\d+\.\d+", line.Text);
        Assert.False(line.IsError);
        Assert.True(process.HasExited);
        Assert.Contains(line, process.Output);
    }

    [Fact]
    public async Task Captures_standard_error_apart_from_standard_output_and_the_exit_code()
    {
        await using var process = Shell("echo to-out; echo to-err 1>&2; exit 3");

        Assert.Equal(3, await process.WaitForExitAsync(Patience));

        Assert.Contains(process.Output, line => line is { Text: "to-out", IsError: false });
        Assert.Contains(process.Output, line => line is { Text: "to-err", IsError: true });
        Assert.Equal(3, process.ExitCode);
        Assert.Contains("err| to-err", process.FormatOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_a_line_that_comes_later_returns_it_when_it_is_written()
    {
        await using var process = Shell("echo first; sleep 0.5; echo 'Recorded payment 42'; sleep 30");

        var line = await process.WaitForOutputAsync("Recorded payment 42", Patience);

        Assert.Equal("Recorded payment 42", line.Text);
        Assert.False(process.HasExited);
    }

    [Fact]
    public async Task Waiting_from_a_line_number_ignores_earlier_lines()
    {
        await using var process = Shell("echo tick; sleep 0.3; echo tock; sleep 0.3; echo tick; sleep 30");
        var first = await process.WaitForOutputAsync("tock", Patience);

        var second = await process.WaitForOutputAsync("tick", Patience, fromLine: first.Index + 1);

        Assert.Equal(2, second.Index);
        Assert.Equal(2, process.CountOutput("tick"));
    }

    [Fact]
    public async Task Waiting_for_output_fails_at_once_when_the_process_exits_without_it()
    {
        await using var process = Shell("echo something-else; exit 7");

        // Given an hour, it fails with the exit, within this test's patience: not at its timeout.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => process.WaitForOutputAsync("never", TimeSpan.FromHours(1)).WaitAsync(Patience));

        Assert.Contains("exited with 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("something-else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_output_times_out_with_the_log_so_far()
    {
        await using var process = Shell("echo still-starting; sleep 30");

        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => process.WaitForOutputAsync("ready", TimeSpan.FromMilliseconds(500)));

        Assert.Contains("\"ready\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("still-starting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_kills_the_process_and_its_children()
    {
        var process = Shell("sleep 300 & echo child=$!; wait");
        var line = await process.WaitForOutputAsync("child=", Patience);
        var parentId = process.Id;
        var childId = int.Parse(line.Text["child=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(IsRunning(childId));

        await process.DisposeAsync();

        Assert.False(IsRunning(parentId), "the process should be killed");
        await Poll.WaitUntilAsync(() => !IsRunning(childId), TimeSpan.FromSeconds(5), "the child to be killed with its parent");
        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task Stop_lets_the_process_shut_down_gracefully()
    {
        await using var process = Shell("trap 'echo shutting-down; exit 0' TERM; echo ready; while true; do sleep 0.1; done");
        await process.WaitForOutputAsync("ready", Patience);

        var exitCode = await process.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exitCode);
        Assert.True(process.HasOutput("shutting-down"));
    }

    [Fact]
    public async Task Process_gets_the_given_environment_and_working_directory_but_not_inherited_service_settings()
    {
        using var directory = new TempDirectory();
        // Set for the test host; ServiceProcess must not pass it on, a test states its configuration itself.
        Environment.SetEnvironmentVariable("Payguru__InheritedByAccident", "leak");
        Environment.SetEnvironmentVariable("PAYGURU_TEST_REMOVED", "present");
        try
        {
            await using var process = ServiceProcess.Start(
                "/bin/sh",
                ["-c", "echo \"given=$GIVEN inherited=${Payguru__InheritedByAccident:-none} removed=${PAYGURU_TEST_REMOVED:-none} cwd=$(pwd -P)\""],
                new Dictionary<string, string?> { ["GIVEN"] = "yes", ["PAYGURU_TEST_REMOVED"] = null },
                directory.Path,
                output);

            var line = await process.WaitForOutputAsync("given=", Patience);

            Assert.Equal($"given=yes inherited=none removed=none cwd={directory.Path}", line.Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Payguru__InheritedByAccident", null);
            Environment.SetEnvironmentVariable("PAYGURU_TEST_REMOVED", null);
        }
    }

    [Fact]
    public void Service_dlls_are_built_next_to_the_repository_with_the_tests_configuration()
    {
        // The test project's ProjectReferences build both services whenever the tests are built.
        Assert.True(File.Exists(RepoPaths.GatewayDll), RepoPaths.GatewayDll);
        Assert.True(File.Exists(RepoPaths.RefundProcessorDll), RepoPaths.RefundProcessorDll);
        Assert.Contains(
            $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}{RepoPaths.Configuration}{Path.DirectorySeparatorChar}",
            AppContext.BaseDirectory,
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "global.json")));
    }

    [Fact]
    public void Starting_a_dll_that_is_not_built_says_how_to_build_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            ServiceProcess.StartDll(Path.Combine(RepoPaths.Root, "nothing", "Missing.dll"), NoEnvironment, RepoPaths.Root));

        Assert.Contains("dotnet build Payguru.Bus.sln", error.Message, StringComparison.Ordinal);
    }

    private ServiceProcess Shell(string script) =>
        ServiceProcess.Start("/bin/sh", ["-c", script], NoEnvironment, Path.GetTempPath(), output, "sh");

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
