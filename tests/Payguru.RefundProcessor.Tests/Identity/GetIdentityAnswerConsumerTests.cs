using MassTransit;
using Payguru.Provider.Signing;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Identity;

/// <summary>
/// GetIdentityAnswer through the request client: the stored hash of the order under the service asked for,
/// IdentityAnswerNotFound otherwise; read-only, so it leaves no inbox record.
/// </summary>
public sealed class GetIdentityAnswerConsumerTests
{
    readonly CapturedLogs _logs = new();

    [Fact]
    public async Task Registered_order_is_answered_with_the_hash_of_the_service_asked_for()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        var inboxBefore = await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;");

        var demo = await AskAsync(processor, "ORDER-1001", Demo.ServiceCode);
        var other = await AskAsync(processor, "ORDER-1001", IdentityHarness.OtherService);

        Assert.True(demo.Is(out Response<IdentityAnswer>? demoAnswer));
        Assert.Equal(new IdentityAnswer("ORDER-1001", Demo.ServiceCode, IdentityHarness.DemoAnswer), demoAnswer!.Message);
        Assert.True(other.Is(out Response<IdentityAnswer>? otherAnswer));
        Assert.Equal(PayguruKeys.TcknAnswer(IdentityHarness.Tckn, IdentityHarness.Other), otherAnswer!.Message.TcknHash);
        Assert.Equal(inboxBefore, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.DoesNotContain(IdentityHarness.DemoAnswer, _logs.Text);
    }

    [Theory]
    [InlineData("ORDER-UNKNOWN", "DEMO")]
    [InlineData("ORDER-1001", "NOT-CONFIGURED")]
    public async Task Unknown_order_or_service_is_not_found(string order, string serviceCode)
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);

        var response = await AskAsync(processor, order, serviceCode);

        Assert.True(response.Is(out Response<IdentityAnswerNotFound>? notFound));
        Assert.Equal(new IdentityAnswerNotFound(order, serviceCode), notFound!.Message);
    }

    static async Task<Response<IdentityAnswer, IdentityAnswerNotFound>> AskAsync(ProcessorHarness processor, string order, string serviceCode)
    {
        var client = processor.Harness.GetRequestClient<GetIdentityAnswer>();
        return await client.GetResponse<IdentityAnswer, IdentityAnswerNotFound>(new GetIdentityAnswer(order, serviceCode), timeout: RequestTimeout.After(s: 10));
    }
}
