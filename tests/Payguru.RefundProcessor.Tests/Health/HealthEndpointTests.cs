using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Health;

/// <summary>
/// The processor's health endpoints: ready only while the bus runs and the database answers; live
/// whatever they do. The answer names each check's status and nothing else (no path, no connection string).
/// </summary>
public sealed class HealthEndpointTests : IDisposable
{
    readonly TempDirectory _directory = new();

    [Fact]
    public async Task Ready_answers_200_when_the_bus_runs_and_the_database_answers()
    {
        await using var processor = new ProcessorFactory($"Data Source={_directory.File("payguru.db")}");
        using var client = processor.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (status, checks) = await ReadAsync(response);
        Assert.Equal("Healthy", status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["masstransit-bus"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task Ready_answers_503_while_the_database_cannot_be_opened_and_200_once_it_can_again()
    {
        // SQLite creates a missing file but not a missing folder: moving the folder away makes the database unreachable.
        var folder = _directory.File("data");
        var moved = _directory.File("data-moved");
        Directory.CreateDirectory(folder);
        await using var processor = new ProcessorFactory($"Data Source={Path.Combine(folder, "payguru.db")}");
        using var client = processor.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        Directory.Move(folder, moved);
        // Pooled connections still hold the moved file open; the check must open a new one.
        SqliteConnection.ClearAllPools();
        var unreachable = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        Directory.Move(moved, folder);
        var back = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreachable.StatusCode);
        var body = await unreachable.Content.ReadAsStringAsync();
        var (status, checks) = await ReadAsync(unreachable);
        Assert.Equal("Unhealthy", status);
        Assert.Equal("Unhealthy", checks["database"]);
        Assert.Equal("Healthy", checks["masstransit-bus"]);
        Assert.DoesNotContain("payguru.db", body);
        Assert.DoesNotContain("unable to open", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_503_when_the_bus_is_not_running()
    {
        await using var processor = new ProcessorFactory($"Data Source={_directory.File("payguru.db")}");
        using var client = processor.CreateClient();
        await processor.Services.GetRequiredService<IBusControl>().StopAsync();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var (_, checks) = await ReadAsync(response);
        Assert.Equal("Unhealthy", checks["masstransit-bus"]);
        Assert.Equal("Healthy", checks["database"]);
    }

    public void Dispose() => _directory.Dispose();

    static async Task<(string Status, Dictionary<string, string> Checks)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["status", "checks"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var checks = document.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetString()!);
        return (document.RootElement.GetProperty("status").GetString()!, checks);
    }
}
