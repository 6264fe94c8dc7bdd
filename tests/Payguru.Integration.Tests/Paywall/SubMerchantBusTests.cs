using Payguru.Contracts.Ids;
using Payguru.Contracts.Paywall;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Paywall;

/// <summary>
/// RegisterSubMerchant on a real broker, through real processor processes and the sandbox as Paywall: one member
/// per external id across two instances, redeliveries and a lost answer; Paywall's error envelope and a wrong key
/// carried to SubMerchantRejected.
/// </summary>
public sealed class SubMerchantBusTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Same_external_id_sent_to_two_instances_makes_one_member_through_a_lost_answer()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        var system = new DemoSystem(vhost, directory, output);
        var settings = DemoSystem.PaywallSettings(sandbox);
        await using var first = await system.StartProcessorAsync(settings: settings);
        await using var second = await system.StartProcessorAsync(settings: settings);
        await system.WaitForInstancesAsync(ProcessorQueues.SubMerchants, 2);
        await using var events = await SubMerchantEvents.StartAsync(vhost);

        // The first member call's answer is lost after Paywall made the member; both commands are sent twice at once,
        // then once more after they were registered.
        await admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "drop", count = 1 });
        var commands = new[] { SubMerchantEvents.Member("EXT-A"), SubMerchantEvents.Member("EXT-B") };
        foreach (var command in commands.Concat(commands))
        {
            await events.SendAsync(command);
        }

        foreach (var command in commands)
        {
            await events.WaitForRegisteredAsync(command.MemberExternalId, timeout: TimeSpan.FromSeconds(90));
            await events.SendAsync(command);
            await events.WaitForRegisteredAsync(command.MemberExternalId, count: 2);
        }

        var stats = await admin.StatsAsync();
        output.WriteLine($"sandbox stats: {stats}");
        Assert.Equal(2, stats.GetProperty("paywall").GetProperty("membersCreated").GetInt32());
        Assert.Equal(3, stats.GetProperty("calls").GetProperty("paywall/member").GetInt32());
        foreach (var command in commands)
        {
            var answers = events.Registered.Where(e => e.Message.MemberExternalId == command.MemberExternalId).ToList();
            Assert.All(answers, e => Assert.Equal(MessageIds.SubMerchantOutcome(command.MemberExternalId, "registered"), e.MessageId));
            Assert.Single(answers.Select(e => e.Message.PaywallMemberId).Distinct());
        }

        // The member whose answer was lost is known by Paywall's 409 alone: registered, without Paywall's id.
        Assert.Single(events.Registered.Select(e => e.Message).Where(m => m.PaywallMemberId is null).Select(m => m.MemberExternalId).Distinct());
        Assert.Empty(events.Rejected);
        var rows = await system.Database.QueryAsync("SELECT member_external_id AS id, state, request FROM sub_merchants ORDER BY member_external_id;");
        Assert.Equal(
            [("EXT-A", "registered", (object?)null), ("EXT-B", "registered", (object?)null)],
            rows.Select(r => ((string)r["id"]!, (string)r["state"]!, r["request"])).ToList());
    }

    [Fact]
    public async Task Paywall_error_and_a_wrong_key_are_carried_to_SubMerchantRejected()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        var system = new DemoSystem(vhost, directory, output);
        await using var events = await SubMerchantEvents.StartAsync(vhost);

        var settings = DemoSystem.PaywallSettings(sandbox);
        var processor = await system.StartProcessorAsync(settings: settings);
        await admin.AddFaultAsync(new { endpoint = "paywall/member", kind = "error", code = "1001", message = "Member service busy", status = 500, count = 1 });
        await events.SendAsync(SubMerchantEvents.Member("EXT-BUSY"));
        var busy = (await events.WaitForRejectedAsync("EXT-BUSY")).Message;
        await processor.DisposeAsync();

        settings["Paywall__ApiKeyPublic"] = "not-the-key";
        await using var wrongKey = await system.StartProcessorAsync(settings: settings);
        await events.SendAsync(SubMerchantEvents.Member("EXT-KEY"));
        var refused = (await events.WaitForRejectedAsync("EXT-KEY")).Message;

        Assert.Equal((SubMerchantRejectionReasons.PaywallError, 1001), (busy.Reason, busy.PaywallErrorCode));
        Assert.Contains("Member service busy", busy.Message);
        Assert.Equal((SubMerchantRejectionReasons.PaywallError, 401), (refused.Reason, refused.PaywallErrorCode));
        Assert.DoesNotContain("not-the-key", refused.Message);
        Assert.Equal(0, (await admin.StatsAsync()).GetProperty("paywall").GetProperty("membersCreated").GetInt32());
        Assert.DoesNotContain("not-the-key", wrongKey.FormatOutput());
        Assert.DoesNotContain(Demo.Iban, wrongKey.FormatOutput());
    }
}
