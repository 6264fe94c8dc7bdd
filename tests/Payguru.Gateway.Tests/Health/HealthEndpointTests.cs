using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Health;

/// <summary>
/// The gateway's health endpoints with the in-memory bus: live answers while the process runs, ready
/// only while the bus runs (MassTransit's <c>masstransit-bus</c> check). The real broker's connection
/// loss is covered by the integration tests.
/// </summary>
public sealed class HealthEndpointTests() : GatewayTest(new())
{
    [Fact]
    public async Task Live_answers_200_and_runs_no_check()
    {
        var response = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, checks) = await ReadAsync(response);
        Assert.Equal("Healthy", status);
        Assert.Empty(checks);
    }

    [Fact]
    public async Task Ready_answers_200_while_the_bus_runs()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, checks) = await ReadAsync(response);
        Assert.Equal("Healthy", status);
        Assert.Equal(new Dictionary<string, string> { ["masstransit-bus"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_bus_is_not_running_and_live_still_200()
    {
        await Gateway.Services.GetRequiredService<IBusControl>().StopAsync();

        var ready = await Client.GetAsync("/health/ready");
        var live = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var (status, checks) = await ReadAsync(ready);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Unhealthy", checks["masstransit-bus"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Answer_carries_statuses_only_no_descriptions_or_exceptions()
    {
        await Gateway.Services.GetRequiredService<IBusControl>().StopAsync();

        var body = await (await Client.GetAsync("/health/ready")).Content.ReadAsStringAsync();

        using var document = JsonDocument.Parse(body);
        Assert.Equal(["status", "checks"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.All(document.RootElement.GetProperty("checks").EnumerateObject(), check => Assert.Equal(JsonValueKind.String, check.Value.ValueKind));
        Assert.DoesNotContain("Not ready", body);
    }

    static async Task<(string Status, Dictionary<string, string> Checks)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = document.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetString()!);
        return (document.RootElement.GetProperty("status").GetString()!, checks);
    }
}
