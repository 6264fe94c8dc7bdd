using System.Net;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Startup;

/// <summary>How the sandbox starts: where it listens, what its configuration may hold, what stops it.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task The_sandbox_listens_where_the_URLS_variable_says()
    {
        var url = FreePort.NextHttpUrl();

        await using var sandbox = await RunningSandbox.StartAsync(new Dictionary<string, string?> { ["URLS"] = url }, arguments: [], url: url);
        using var client = new SandboxClient(url);

        Assert.Equal("000", (await client.GetTokenAsync()).Status);
    }

    [Fact]
    public async Task A_merchant_without_a_key_stops_the_start_with_a_message_naming_the_setting()
    {
        var url = FreePort.NextHttpUrl();
        await using var sandbox = RunningSandbox.Start(
            new Dictionary<string, string?> { ["Sandbox__Merchants__0__Key"] = "" }, ["--urls", url], url);

        var exitCode = await sandbox.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Sandbox:Merchants:0:Key is required", sandbox.Process.OutputText);
    }

    [Fact]
    public async Task A_fault_that_cannot_work_in_configuration_stops_the_start()
    {
        var url = FreePort.NextHttpUrl();
        await using var sandbox = RunningSandbox.Start(
            new Dictionary<string, string?> { ["Sandbox__Faults__0__Endpoint"] = "refund/nope", ["Sandbox__Faults__0__Kind"] = "status" },
            ["--urls", url], url);

        var exitCode = await sandbox.Process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Sandbox:Faults:0:endpoint", sandbox.Process.OutputText);
    }

    [Fact]
    public async Task A_fault_in_configuration_is_in_force_from_the_start_and_again_after_a_reset()
    {
        await using var sandbox = await RunningSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox__Faults__0__Endpoint"] = "getToken",
            ["Sandbox__Faults__0__Kind"] = "status",
            ["Sandbox__Faults__0__Status"] = "503",
            ["Sandbox__Faults__0__Count"] = "1",
        });
        using var client = new SandboxClient(sandbox.Url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetTokenStatusAsync(client));
        Assert.Equal(HttpStatusCode.OK, await GetTokenStatusAsync(client));
        await client.ResetAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetTokenStatusAsync(client));
    }

    [Fact]
    public async Task Callbacks_go_to_the_gateways_address_by_default()
    {
        await using var sandbox = await RunningSandbox.StartAsync();
        using var client = new SandboxClient(sandbox.Url);
        var token = await client.NewTokenAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-1"), ("amount", "1.00")]);
        var body = await response.Content.ReadAsStringAsync();

        // Either the gateway of a running ./run.sh answered, or nobody listens on 5080: both prove the address.
        Assert.True(
            response.StatusCode == HttpStatusCode.BadGateway || response.Headers.Contains("X-Sandbox-Merchant-Status"),
            $"{(int)response.StatusCode} {body}");
        await sandbox.Process.WaitForOutputAsync("to http://127.0.0.1:5080/PhsNotifyService", RunningSandbox.Patience);
    }

    static async Task<HttpStatusCode> GetTokenStatusAsync(SandboxClient client)
    {
        using var response = await client.Http.GetAsync($"/phs/getToken?merchant={Demo.MerchantId}&key={Demo.TokenKey}");
        return response.StatusCode;
    }
}
