using OrderService.Cli;
using OrderService.Tests.Infrastructure;

namespace OrderService.Tests.Cli;

/// <summary>The <c>identity</c> command against the stand-in processor: its exit codes and what it prints, never the TCKN.</summary>
public sealed class IdentityCommandTests
{
    const string Tckn = "10000000146";
    const string OtherTckn = "10000000078";

    [Fact]
    public async Task Registered_identity_exits_0_and_a_different_one_again_replaces_it()
    {
        await using var service = await OrderServiceHarness.StartAsync();

        var first = await RunAsync(service, "--order", "ORDER-4001", "--tckn", Tckn);
        var same = await RunAsync(service, "--order", "ORDER-4001", "--tckn", Tckn);
        var other = await RunAsync(service, "--order", "ORDER-4001", "--tckn", OtherTckn);

        Assert.Equal((0, 0, 0), (first.ExitCode, same.ExitCode, other.ExitCode));
        Assert.Contains("OrderIdentityRegistered: order ORDER-4001\n", first.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("replacing", same.Output);
        Assert.Contains("OrderIdentityRegistered: order ORDER-4001, replacing a different TCKN", other.Output);
        Assert.DoesNotContain(Tckn, first.Output + same.Output + other.Output);
        Assert.DoesNotContain(OtherTckn, other.Output);
    }

    [Fact]
    public async Task Invalid_TCKN_is_rejected_and_exits_1()
    {
        await using var service = await OrderServiceHarness.StartAsync();

        var (exitCode, output) = await RunAsync(service, "--order", "ORDER-4002", "--tckn", "10000000147");

        Assert.Equal(1, exitCode);
        Assert.Contains("OrderIdentityRejected: order ORDER-4002: invalid_tckn: the TCKN's 11th digit (second check digit) does not match", output);
        Assert.DoesNotContain("10000000147", output);
    }

    static async Task<(int ExitCode, string Output)> RunAsync(OrderServiceHarness service, params string[] args)
    {
        var line = IdentityCommandLine.Parse([.. args, "--timeout", "30"], out var error) ?? throw new ArgumentException(error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await IdentityCommand.ExecuteAsync(service.Harness.Bus, line, output, errors);
        return (exitCode, output.ToString());
    }
}
