using MassTransit;
using Payguru.Provider.Signing;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Identity;

/// <summary>
/// RegisterOrderIdentity in the processor's pipeline: a valid TCKN is kept only as md5(TCKN + service key) per
/// configured service and answered with OrderIdentityRegistered; a bad one is rejected with a reason and
/// changes nothing; the TCKN is nowhere in the database files, the published messages or the logs.
/// </summary>
public sealed class RegisterOrderIdentityConsumerTests
{
    readonly CapturedLogs _logs = new();

    [Fact]
    public async Task Valid_tckn_is_kept_only_as_one_hash_per_configured_service()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);

        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);

        var registered = Assert.Single(await processor.PublishedAsync<OrderIdentityRegistered>(m => m.Order == "ORDER-1001"));
        Assert.False(registered.Message.Replaced);
        Assert.Equal(
            [(Demo.ServiceCode, IdentityHarness.DemoAnswer), (IdentityHarness.OtherService, PayguruKeys.TcknAnswer(IdentityHarness.Tckn, IdentityHarness.Other))],
            await processor.HashesAsync("ORDER-1001"));
        Assert.Equal(["order_ref", "registered_at", "service_code", "tckn_hash"],
            (await processor.QueryAsync<string>("SELECT name FROM pragma_table_info('order_identities') ORDER BY name;")).ToList());
    }

    [Fact]
    public async Task The_tckn_is_nowhere_in_the_database_files_the_published_messages_or_the_logs()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);

        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        await processor.RegisterAsync("ORDER-1002", "10000000145"); // rejected: its check digit is wrong
        await processor.PublishedAsync<OrderIdentityRejected>(m => m.Order == "ORDER-1002");
        // The outbox row of each event is written and marked sent; read the files once both are there.
        await Poll.WaitUntilAsync(
            async _ => await processor.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NOT NULL;") == 2,
            TimeSpan.FromSeconds(20), "both events sent");

        var bytes = processor.DatabaseBytes();
        Assert.True(IdentityHarness.Holds(bytes, IdentityHarness.DemoAnswer), "the check itself must see the stored hash");
        foreach (var tckn in new[] { IdentityHarness.Tckn, "10000000145" })
        {
            Assert.False(IdentityHarness.Holds(bytes, tckn), $"the database files hold the TCKN {tckn}");
            Assert.DoesNotContain(tckn, processor.PublishedJson());
            Assert.DoesNotContain(tckn, _logs.Text);
        }

        Assert.Contains("Identity of order ORDER-1001 registered", _logs.Text);
    }

    [Theory]
    [InlineData("1000000014", "a TCKN has exactly 11 digits")]
    [InlineData("01234567890", "a TCKN does not start with 0")]
    [InlineData("10000000156", "the TCKN's 10th digit (first check digit) does not match")]
    [InlineData("10000000145", "the TCKN's 11th digit (second check digit) does not match")]
    public async Task Invalid_tckn_is_rejected_with_the_rule_it_breaks_and_nothing_is_stored(string tckn, string message)
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);

        await processor.RegisterAsync("ORDER-1001", tckn);

        var rejected = Assert.Single(await processor.PublishedAsync<OrderIdentityRejected>(m => m.Order == "ORDER-1001")).Message;
        Assert.Equal(IdentityRejectionReasons.InvalidTckn, rejected.Reason);
        Assert.Equal(message, rejected.Message);
        Assert.Empty(await processor.HashesAsync("ORDER-1001"));
        Assert.Empty(processor.Published<OrderIdentityRegistered>());
        Assert.DoesNotContain(tckn, processor.PublishedJson());
        Assert.DoesNotContain(tckn, _logs.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Missing_order_is_rejected_as_invalid_order(string order)
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);

        await processor.RegisterAsync(order, IdentityHarness.Tckn);

        var rejected = Assert.Single(await processor.PublishedAsync<OrderIdentityRejected>(_ => true)).Message;
        Assert.Equal(IdentityRejectionReasons.InvalidOrder, rejected.Reason);
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM order_identities;"));
    }

    [Fact]
    public async Task Order_longer_than_the_limit_is_rejected_as_invalid_order()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        var order = new string('O', 101);

        await processor.RegisterAsync(order, IdentityHarness.Tckn);

        Assert.Equal(IdentityRejectionReasons.InvalidOrder, Assert.Single(await processor.PublishedAsync<OrderIdentityRejected>(_ => true)).Message.Reason);
    }

    [Fact]
    public async Task Registering_again_with_another_tckn_replaces_the_hashes_and_says_so()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);

        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.OtherTckn);

        var registered = await processor.PublishedAsync<OrderIdentityRegistered>(m => m.Order == "ORDER-1001", count: 3);
        Assert.Equal([false, false, true], registered.Select(r => r.Message.Replaced));
        Assert.Equal(
            [(Demo.ServiceCode, PayguruKeys.TcknAnswer(IdentityHarness.OtherTckn, Demo.Service)),
                (IdentityHarness.OtherService, PayguruKeys.TcknAnswer(IdentityHarness.OtherTckn, IdentityHarness.Other))],
            await processor.HashesAsync("ORDER-1001"));
    }

    [Fact]
    public async Task Rejected_registration_leaves_the_earlier_one_as_it_was()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        await processor.RegisterAsync("ORDER-1001", IdentityHarness.Tckn);
        var before = await processor.HashesAsync("ORDER-1001");

        await processor.RegisterAsync("ORDER-1001", "12345678951");

        await processor.PublishedAsync<OrderIdentityRejected>(m => m.Order == "ORDER-1001");
        Assert.Equal(before, await processor.HashesAsync("ORDER-1001"));
    }

    [Fact]
    public async Task Same_message_delivered_twice_is_handled_once()
    {
        await using var processor = await IdentityHarness.StartAsync(_logs);
        var messageId = NewId.NextGuid();

        await processor.PublishAsync(new RegisterOrderIdentity("ORDER-1001", IdentityHarness.Tckn), messageId);
        await processor.PublishAsync(new RegisterOrderIdentity("ORDER-1001", IdentityHarness.Tckn), messageId);

        Assert.Equal(2, (await processor.FinishedAsync(messageId, count: 2)).Count);
        Assert.Single(processor.Published<OrderIdentityRegistered>());
    }

    [Fact]
    public async Task Command_failing_on_every_attempt_publishes_no_fault_carrying_the_tckn()
    {
        const string failIdentityInserts = """
            CREATE TRIGGER test_fail_identity_insert BEFORE INSERT ON order_identities
            BEGIN
                SELECT RAISE(ABORT, 'injected identity fault');
            END;
            """;
        await using var processor = await IdentityHarness.StartAsync(_logs, failIdentityInserts);
        var messageId = await processor.PublishAsync(new RegisterOrderIdentity("ORDER-1001", IdentityHarness.Tckn));

        var finished = Assert.Single(await processor.FinishedAsync(messageId));

        Assert.True(finished.Faulted);
        Assert.False(await processor.Harness.Published.Any<Fault<RegisterOrderIdentity>>());
        Assert.Empty(processor.Published<OrderIdentityRegistered>());
        Assert.Equal(0L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.DoesNotContain(IdentityHarness.Tckn, processor.PublishedJson());
        Assert.DoesNotContain(IdentityHarness.Tckn, _logs.Text);
    }

    [Fact]
    public void The_command_prints_without_its_tckn()
    {
        var text = new RegisterOrderIdentity("ORDER-1001", IdentityHarness.Tckn).ToString();

        Assert.Equal("RegisterOrderIdentity { Order = ORDER-1001 }", text);
    }
}
