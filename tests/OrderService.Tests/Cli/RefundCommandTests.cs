using OrderService.Cli;
using OrderService.Tests.Infrastructure;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;

namespace OrderService.Tests.Cli;

/// <summary>The <c>refund</c> command against the stand-in processor: its exit codes and what it prints.</summary>
public sealed class RefundCommandTests
{
    [Fact]
    public async Task Submitted_refund_prints_the_Payguru_refund_and_exits_0()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        service.Payguru.DeclarePayment("ORDER-3001", 10.00m);
        var (exitCode, output, _) = await RunAsync(service, "--order", "ORDER-3001", "--amount", "2.50");

        Assert.Equal(0, exitCode);
        Assert.Contains("RefundSubmitted: Payguru refund 1, order ORDER-3001, 2.50 via DEMO", output);
        Assert.DoesNotContain("TR800011100000000036888459", output);
    }

    [Fact]
    public async Task Same_request_id_again_prints_the_same_refund_and_the_processor_answers_with_the_same_message_id()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        service.Payguru.DeclarePayment("ORDER-3002", 10.00m);
        var submitted = await MessageRecorder<RefundSubmitted>.StartAsync(service.Harness.Bus);
        var requestId = Guid.NewGuid();

        var first = await RunAsync(service, "--order", "ORDER-3002", "--amount", "6.00", "--request-id", requestId.ToString());
        var again = await RunAsync(service, "--order", "ORDER-3002", "--amount", "6.00", "--request-id", requestId.ToString());

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("RefundSubmitted: Payguru refund 1,", again.Output);
        var outcomes = await submitted.WaitForAsync(2);
        Assert.All(outcomes, o => Assert.Equal(MessageIds.RefundSubmitted(requestId), o.MessageId));
        Assert.All(outcomes, o => Assert.Equal(1, o.Message.RefundId));
        // Had the repeat made a second refund, 6.00 + 6.00 would exceed the payment: it made none.
        Assert.Equal(RefundStateNames.Submitted, service.Payguru.StateOf(requestId)?.State);
    }

    [Fact]
    public async Task Invalid_IBAN_is_rejected_without_repeating_it_and_exits_1()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        var (exitCode, output, _) = await RunAsync(service, "--order", "ORDER-3003", "--amount", "1.00", "--iban", "TR370006400012345678987654");

        Assert.Equal(1, exitCode);
        Assert.Contains("RefundRejected: invalid_iban: the IBAN's check digits do not match (mod-97)", output);
        Assert.DoesNotContain("TR370006400012345678987654", output);
    }

    [Fact]
    public async Task Provider_refusal_prints_its_code_and_exits_1()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        service.Payguru.RefuseNextRefund("ERR_005", "Refund amount exceeds");
        var (exitCode, output, _) = await RunAsync(service, "--order", "ORDER-3004", "--amount", "1.00");

        Assert.Equal(1, exitCode);
        Assert.Contains("RefundRejected: provider_error (ERR_005): Payguru refused the refund: ERR_005 Refund amount exceeds", output);
    }

    [Fact]
    public async Task Unknown_service_is_rejected_and_exits_1()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        var (exitCode, output, _) = await RunAsync(service, "--order", "ORDER-3005", "--amount", "1.00", "--service", "NOPE");

        Assert.Equal(1, exitCode);
        Assert.Contains("RefundRejected: unknown_service: the service 'NOPE' is not one of the configured Payguru services", output);
    }

    static async Task<(int ExitCode, string Output, string Errors)> RunAsync(OrderServiceHarness service, params string[] args)
    {
        var line = RefundCommandLine.Parse([.. args, "--timeout", "30"], out var error) ?? throw new ArgumentException(error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await RefundCommand.ExecuteAsync(service.Harness.Bus, line, new OrderServiceSettings(), output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
