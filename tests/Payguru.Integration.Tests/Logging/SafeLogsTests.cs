using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Provider.Signing;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Identity;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Logging;

/// <summary>
/// The gateway and the processor as real processes logging everything they can (every category at Trace, as JSON),
/// driven through payments, refunds, identity checks, client tokens, sub-merchants and refused callbacks; then no
/// captured line may hold a key, a token, a password, a full IBAN, a TCKN, its hash or a contact's name.
/// </summary>
public sealed class SafeLogsTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string ApiKey = "demo-api-key";

    // Valid (mod-97, check digits) and used nowhere else, so any occurrence in a log comes from this run.
    const string HttpRefundIban = "TR06 0006 1005 1978 6457 8413 27";
    const string BusRefundIban = "TR450001000000000777123401";
    const string InvalidIban = "TR370006400012345678987654";
    const string MemberIban = "TR920006400000112233445566";
    const string SecondMemberIban = "TR740001200000987654321001";
    const string UnverifiedTckn = "28374651994";
    const string MemberTckn = "51928374650";
    const string HttpContact = "Nesrin Kayabasi";
    const string BusContact = "Ozgur Tepedelen";
    const string MemberContact = "Gulsen";
    const string MemberContactLastname = "Yurtseverli";
    const string MemberEmail = "gulsen.yurtseverli@member.example";

    /// <summary>Every category a service or a library logs under, at its most verbose, and one JSON object per line.</summary>
    static readonly Dictionary<string, string?> VerboseJsonLogging = new()
    {
        ["Logging__LogLevel__Default"] = "Trace",
        ["Logging__LogLevel__Microsoft"] = "Trace",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Trace",
        ["Logging__LogLevel__MassTransit"] = "Trace",
        ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Trace",
        ["Logging__LogLevel__Polly"] = "Trace",
        // The request line's own category, and the console provider's override: the gateway holds it at Warning anyway.
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging__Console__LogLevel__Default"] = "Trace",
        ["Logging__Console__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging__Console__FormatterName"] = "json",
        ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
    };

    [Fact]
    public async Task Verbose_json_logs_of_every_flow_hold_no_secret_token_iban_or_tckn()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        var rabbitUser = $"safe-logs-{Guid.NewGuid():N}";
        var rabbitPassword = $"rmq-{Guid.NewGuid():N}";
        await RabbitMqCtl.RunAsync(["add_user", rabbitUser, rabbitPassword, "--quiet"]);
        try
        {
            await RunAllFlowsAsync(vhost, rabbitUser, rabbitPassword);
        }
        finally
        {
            await RabbitMqCtl.TryRunAsync(["delete_user", rabbitUser, "--quiet"]);
        }
    }

    async Task RunAllFlowsAsync(RabbitMqVirtualHost vhost, string rabbitUser, string rabbitPassword)
    {
        await RabbitMqCtl.RunAsync(["set_permissions", "-p", vhost.Name, rabbitUser, ".*", ".*", ".*", "--quiet"]);
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        // Callbacks in the query string: the form that puts most on the request line.
        await using var sandbox = await IdentityScenario.StartSandboxAsync(gatewayUrl, "Query");
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-SAFE-HTTP", "20.00");
        await admin.SeedPaymentAsync("ORDER-SAFE-BUS", "15.00");

        var credentials = new Dictionary<string, string?> { ["RabbitMq__Username"] = rabbitUser, ["RabbitMq__Password"] = rabbitPassword };
        var processorSettings = new Dictionary<string, string?>(
            DemoSystem.RefundSettings(sandbox).Concat(DemoSystem.PaywallSettings(sandbox)).Concat(VerboseJsonLogging).Concat(credentials));
        var gatewaySettings = new Dictionary<string, string?>(
            IdentityScenario.PatientGateway.Concat(VerboseJsonLogging).Concat(credentials));
        await using var processor = await system.StartProcessorAsync(settings: processorSettings);
        var (gateway, client) = await system.StartGatewayAsync(url: gatewayUrl, settings: gatewaySettings);
        await using var running = gateway;
        await using var refunds = await RefundEvents.StartAsync(vhost);
        await using var identities = await IdentityEvents.StartAsync(vhost);
        await using var members = await SubMerchantEvents.StartAsync(vhost);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var scanner = new LogLeakScanner();

        // Payments: a notification as GET and as POST JSON, each accepted and stored by the processor.
        var byQuery = new SignedNotification(810001, "ORDER-SAFE-PAY-1");
        var byJson = new SignedNotification(810002, "ORDER-SAFE-PAY-2", "42.00");
        Assert.Equal("OK", await (await client.GetAsync(byQuery.PathAndQuery)).Content.ReadAsStringAsync());
        Assert.Equal("OK", await (await client.PostAsync("/PhsNotifyService", byJson.Json)).Content.ReadAsStringAsync());
        await system.Database.WaitForCountAsync("payments", 2, TimeSpan.FromSeconds(60));
        scanner.Add("payment notification key (GET)", byQuery.Fields["key"]);
        scanner.Add("payment notification key (POST JSON)", byJson.Fields["key"]);

        // Refunds: one over HTTP (spaced IBAN), one over the bus, one refused for its IBAN; both submitted, then paid.
        var httpRefund = Guid.NewGuid();
        var accepted = await client.PostAsJsonAsync("/refunds",
            new { refundRequestId = httpRefund, order = "ORDER-SAFE-HTTP", amount = 7.25m, contactName = HttpContact, iban = HttpRefundIban });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var busRefund = new RequestRefund(Guid.NewGuid(), "ORDER-SAFE-BUS", null, null, 5.00m, BusContact, BusRefundIban, "safe logs");
        await refunds.SendAsync(busRefund);
        var refused = busRefund with { RefundRequestId = Guid.NewGuid(), Iban = InvalidIban };
        await refunds.SendAsync(refused);
        var badHttp = await client.PostAsJsonAsync("/refunds",
            new { refundRequestId = Guid.NewGuid(), order = "ORDER-SAFE-HTTP", amount = 1.00m, contactName = HttpContact, iban = InvalidIban });
        Assert.Equal(HttpStatusCode.BadRequest, badHttp.StatusCode);
        Assert.Equal(RefundRejectionReasons.InvalidIban, (await refunds.WaitForRejectedAsync(refused.RefundRequestId)).Reason);
        var httpSubmitted = await refunds.WaitForSubmittedAsync(httpRefund);
        var busSubmitted = await refunds.WaitForSubmittedAsync(busRefund.RefundRequestId);
        await admin.EndOfDayAsync(pay: true);
        foreach (var (submitted, order) in new[] { (httpSubmitted, "ORDER-SAFE-HTTP"), (busSubmitted, "ORDER-SAFE-BUS") })
        {
            var settled = await refunds.WaitForSettledAsync(submitted.RefundId, RefundStatuses.Paid);
            Assert.Equal(order, settled.Order);
            // The key of Payguru's refund notification, as the sandbox signed it.
            scanner.Add($"refund notification key of {order}", PayguruKeys.RefundNotify(Demo.Service, Demo.Merchant,
                settled.RefundId.ToString(CultureInfo.InvariantCulture), settled.PayguruCode!, order,
                settled.Amount.ToString("0.00", CultureInfo.InvariantCulture), settled.BankCode ?? ""));
        }

        await Poll.WaitUntilAsync(async cancellationToken =>
        {
            using var response = await client.GetAsync($"/refunds/{httpRefund}", cancellationToken);
            return response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("state").GetString() == RefundStateNames.Paid;
        }, TimeSpan.FromSeconds(60), "the HTTP refund paid, as the processor answers it");
        var tokens = await system.Database.QueryAsync("SELECT token FROM payguru_tokens;");
        scanner.Add("Payguru token the processor obtained", (string)Assert.Single(tokens)["token"]!);

        // Identity: one registration verified, one whose payment another customer made (unverified).
        await identities.RegisterAsync("ORDER-SAFE-ID-1", IdentityScenario.Tckn);
        await identities.RegisterAsync("ORDER-SAFE-ID-2", IdentityScenario.OtherTckn);
        await identities.WaitForAsync<OrderIdentityRegistered>(m => m.Order == "ORDER-SAFE-ID-1", "OrderIdentityRegistered 1");
        await identities.WaitForAsync<OrderIdentityRegistered>(m => m.Order == "ORDER-SAFE-ID-2", "OrderIdentityRegistered 2");
        await admin.SeedPaymentWithTcknAsync("ORDER-SAFE-ID-1", IdentityScenario.Tckn);
        await admin.SeedPaymentWithTcknAsync("ORDER-SAFE-ID-2", UnverifiedTckn);
        Assert.Equal("verified", (await admin.CheckIdentityAsync("ORDER-SAFE-ID-1")).GetProperty("outcome").GetString());
        Assert.Equal("unverified", (await admin.CheckIdentityAsync("ORDER-SAFE-ID-2")).GetProperty("outcome").GetString());
        await identities.WaitForAsync<IdentityVerified>(m => m.Order == "ORDER-SAFE-ID-1", "IdentityVerified");
        await identities.WaitForAsync<IdentityVerificationFailed>(m => m.Order == "ORDER-SAFE-ID-2", "IdentityVerificationFailed");
        foreach (var order in new[] { "ORDER-SAFE-ID-1", "ORDER-SAFE-ID-2" })
        {
            scanner.Add($"TCKN verification key of {order}", PayguruKeys.TcknVerify(Demo.Service, Demo.Merchant, order));
        }

        // Paywall: a client token over HTTP, and two members (tax number only; TCKN) over the bus.
        var issued = await client.PostAsJsonAsync("/client-tokens", new { clientCardSave = true, threeDSession = false, expiryMin = 30 });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using (var answer = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()))
        {
            scanner.Add("Paywall client token", answer.RootElement.GetProperty("token").GetString()!);
        }

        var byTaxNumber = SubMerchantEvents.Member("EXT-SAFE-TAX") with
        {
            MemberIdentityNumber = null,
            MemberEmail = MemberEmail,
            ContactName = MemberContact,
            ContactLastname = MemberContactLastname,
            BankAccounts = [new SubMerchantBankAccount(1, "Ünvan", MemberIban), new SubMerchantBankAccount(2, "Ünvan", SecondMemberIban)],
        };
        var byTckn = byTaxNumber with { MemberExternalId = "EXT-SAFE-TCKN", MemberTaxNumber = null, MemberIdentityNumber = MemberTckn };
        await members.SendAsync(byTaxNumber);
        await members.SendAsync(byTckn);
        await members.WaitForRegisteredAsync(byTaxNumber.MemberExternalId);
        await members.WaitForRegisteredAsync(byTckn.MemberExternalId);
        var stats = await admin.StatsAsync();
        Assert.Equal(2, stats.GetProperty("paywall").GetProperty("membersCreated").GetInt32());
        Assert.Equal(1, stats.GetProperty("paywall").GetProperty("tempTokensIssued").GetInt32());
        Assert.Equal(2, stats.GetProperty("refundsCreated").GetInt32());

        // Refused callbacks: wrong keys on each of the three services Payguru calls.
        const string WrongKey = "0badc0de0badc0de0badc0de0badc0de";
        scanner.Add("wrong callback key", WrongKey);
        var wrongPayment = "/PhsNotifyService?" + string.Join('&',
            new SignedNotification(810003, "ORDER-SAFE-PAY-3").Fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Key == "key" ? WrongKey : f.Value)}"));
        var callbacks = new[]
        {
            wrongPayment,
            $"/PhsRefundNotifyService?refund_id={httpSubmitted.RefundId}&code=PG-R&order=ORDER-SAFE-HTTP&status=3&amount=7.25" +
                $"&refund_contact={Uri.EscapeDataString(HttpContact)}&refund_iban={BusRefundIban}&bank_receipt_no=&key={WrongKey}",
            $"/TCKNVerifyService?order=ORDER-SAFE-ID-1&notification_type=verify&key={WrongKey}",
        };
        foreach (var callback in callbacks)
        {
            var response = await client.GetAsync(callback);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // What the run used: every key, password, token, IBAN, TCKN, hash and name.
        scanner.Add("merchant key", Demo.MerchantKey);
        scanner.Add("service key DEMO", Demo.ServiceKey);
        scanner.Add("token key md5(merchant+ip+merchantKey)", Demo.TokenKey);
        scanner.Add("gateway API key", ApiKey);
        scanner.Add("Paywall ApiKeyPublic", Demo.PaywallKeyPublic);
        scanner.Add("Paywall ApiClientPublic", Demo.PaywallClientPublic);
        scanner.Add("RabbitMQ password", rabbitPassword);
        foreach (var (name, iban) in new[]
        {
            ("refund IBAN (HTTP)", HttpRefundIban), ("refund IBAN (bus)", BusRefundIban), ("invalid refund IBAN", InvalidIban),
            ("member IBAN", MemberIban), ("second member IBAN", SecondMemberIban),
        })
        {
            scanner.AddIban(name, iban);
        }

        foreach (var (name, tckn) in new[]
        {
            ("registered TCKN", IdentityScenario.Tckn), ("second registered TCKN", IdentityScenario.OtherTckn),
            ("paying customer's TCKN", UnverifiedTckn), ("member TCKN", MemberTckn),
        })
        {
            scanner.Add(name, tckn);
            scanner.Add($"md5 answer of the {name}", PayguruKeys.TcknAnswer(tckn, Demo.Service));
        }

        scanner.Add("refund contact (HTTP)", HttpContact);
        scanner.Add("refund contact (bus)", BusContact);
        scanner.Add("member contact name", MemberContact);
        scanner.Add("member contact last name", MemberContactLastname);
        scanner.Add("member e-mail", MemberEmail);

        // Stopped, so every line (the shutdown's too) is in.
        await gateway.StopAsync(TimeSpan.FromSeconds(20));
        await processor.StopAsync(TimeSpan.FromSeconds(20));
        ServiceProcess[] services = [gateway, processor];

        // Each refused callback was refused for its key (not for a missing field), and said so.
        Assert.Equal(callbacks.Length, gateway.CountOutput(": invalid key"));

        // The logs are not empty and say what happened: the orders are there, by name.
        Assert.Contains("ORDER-SAFE-BUS", processor.OutputText);
        Assert.Contains("ORDER-SAFE-HTTP", processor.OutputText);
        Assert.Contains("ORDER-SAFE-ID-1", gateway.OutputText);
        Assert.Contains("EXT-SAFE-TCKN", processor.OutputText);

        // Structured: every line is one JSON object with a category and a message.
        var lines = services.SelectMany(service => service.Output.Select(line => (service.Name, Line: line))).ToList();
        foreach (var (name, line) in lines)
        {
            using var document = ParseLine(name, line, scanner);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            Assert.True(document.RootElement.TryGetProperty("Category", out _), $"{name} line {line.Index} has no Category");
        }

        output.WriteLine($"checked {lines.Count} lines (gateway {gateway.Output.Count}, processor {processor.Output.Count}) against {scanner.Secrets.Count} secrets");
        var leaks = scanner.FindLeaks(services);
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines hold a secret:\n{string.Join('\n', leaks)}");
    }

    static JsonDocument ParseLine(string service, OutputLine line, LogLeakScanner scanner)
    {
        try
        {
            return JsonDocument.Parse(line.Text);
        }
        catch (JsonException exception)
        {
            Assert.Fail($"{service} line {line.Index} is not JSON ({exception.Message}): {scanner.Mask(line.Text)}");
            throw;
        }
    }
}
