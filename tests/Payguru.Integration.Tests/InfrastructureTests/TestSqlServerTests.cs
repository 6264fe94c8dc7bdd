using Payguru.Testing.Containers;

namespace Payguru.Integration.Tests.InfrastructureTests;

/// <summary>
/// Which SQL Server the SQL Server tests run on: the variable's, else a container where Docker answers, else none
/// with a reason (or a failure where SQL Server is required). No container is started here: the start is recorded.
/// </summary>
public sealed class TestSqlServerTests
{
    const string Configured = "Server=db.example,1433;User Id=sa;Password=x;TrustServerCertificate=true";

    int _dockerAsked;
    int _containersStarted;

    [Fact]
    public async Task Configured_server_is_used_without_asking_Docker()
    {
        var server = await TestSqlServer.ChooseAsync(Configured, required: "true", NoDockerAsync, StartAsync);

        Assert.Equal(Configured, server.ConnectionString);
        Assert.Null(server.UnavailableReason);
        Assert.Equal(0, _dockerAsked);
        Assert.Equal(0, _containersStarted);
    }

    [Fact]
    public async Task Without_the_variable_a_container_is_started_where_Docker_answers()
    {
        var server = await TestSqlServer.ChooseAsync("", required: null, () => Task.FromResult<string?>(null), StartAsync);

        Assert.Equal("Server=127.0.0.1,49153;User Id=sa", server.ConnectionString);
        Assert.Null(server.UnavailableReason);
        Assert.Equal(1, _containersStarted);
    }

    [Fact]
    public async Task Without_the_variable_or_Docker_the_reason_says_both_and_nothing_starts()
    {
        var server = await TestSqlServer.ChooseAsync(null, required: null, NoDockerAsync, StartAsync);

        Assert.Null(server.ConnectionString);
        Assert.Contains("no Docker engine answers", server.UnavailableReason);
        Assert.Contains(TestSqlServer.ServerVariable, server.UnavailableReason);
        Assert.Equal(0, _containersStarted);
    }

    [Fact]
    public async Task Where_SQL_Server_is_required_its_absence_fails_instead_of_skipping()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestSqlServer.ChooseAsync(null, required: "true", NoDockerAsync, StartAsync));

        Assert.Contains(TestSqlServer.RequiredVariable, error.Message);
        Assert.Contains("no Docker engine answers", error.Message);
    }

    Task<string?> NoDockerAsync()
    {
        _dockerAsked++;
        return Task.FromResult<string?>("no Docker engine answers");
    }

    Task<string> StartAsync()
    {
        _containersStarted++;
        return Task.FromResult("Server=127.0.0.1,49153;User Id=sa");
    }
}
