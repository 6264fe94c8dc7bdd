using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Options;
using Payguru.Testing;
using SQLitePCL;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Data;

/// <summary>
/// The factory's connections keep their statements compiled across uses, and otherwise behave as closed and
/// reopened ones: every run binds its own parameters, a transaction left open is gone, a nested reader of the same
/// SQL works, a reader left open ends with its connection, a database whose path is gone is found out, the cache
/// keeps the statements used most recently, and disposing the factory closes them.
/// </summary>
public sealed class StatementCachingConnectionTests : IDisposable
{
    const string SelectName = "SELECT name FROM probe WHERE id = @id";

    readonly TempDirectory _directory = new("payguru-statements-test");
    readonly SqliteConnectionFactory _connections;

    public StatementCachingConnectionTests()
    {
        Directory.CreateDirectory(Folder);
        _connections = new SqliteConnectionFactory(MsOptions.Create(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(Folder, "probe.db")}" }));
        using var connection = _connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        connection.Execute("INSERT INTO probe (id, name) VALUES (@Id, @Name)", new[] { new { Id = 1, Name = "one" }, new { Id = 2, Name = "two" }, new { Id = 3, Name = "three" } });
    }

    string Folder => _directory.File("data");

    public void Dispose()
    {
        _connections.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Statement_is_compiled_once_across_uses_and_each_run_binds_its_own_parameters()
    {
        // SQLite asks the authorizer while it compiles a statement, never while it runs one.
        var compiled = 0;
        delegate_authorizer countCompiles = (_, action, _, _, _, _) =>
        {
            if (action == raw.SQLITE_SELECT)
            {
                compiled++;
            }

            return raw.SQLITE_OK;
        };

        var names = new List<string>();
        sqlite3? handle = null;
        foreach (var id in new[] { 1, 2, 3 })
        {
            await using var connection = await _connections.OpenAsync(CancellationToken.None);
            if (handle is null)
            {
                handle = ((SqliteConnection)connection).Handle!;
                raw.sqlite3_set_authorizer(handle, countCompiles, null);
            }

            Assert.Same(handle, ((SqliteConnection)connection).Handle);
            names.Add(await connection.QuerySingleAsync<string>(SelectName, new { id }));
        }

        raw.sqlite3_set_authorizer(handle!, (delegate_authorizer?)null, null);
        Assert.Equal(["one", "two", "three"], names);
        Assert.Equal(1, compiled);
    }

    [Fact]
    public async Task Least_recently_used_statement_goes_when_a_new_text_would_pass_the_limit()
    {
        await using (var setUp = await _connections.OpenAsync(CancellationToken.None))
        {
            await setUp.ExecuteAsync("CREATE TABLE cold (x INTEGER)");
        }

        // Each compile reads its table's column once; running a compiled statement asks nothing.
        var compiles = new Dictionary<string, int>();
        delegate_authorizer countReads = (_, action, table, column, _, _) =>
        {
            if (action == raw.SQLITE_READ && column.utf8_to_string() is "name" or "x")
            {
                var name = table.utf8_to_string();
                compiles[name] = compiles.GetValueOrDefault(name) + 1;
            }

            return raw.SQLITE_OK;
        };

        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        var handle = ((SqliteConnection)connection).Handle!;
        raw.sqlite3_set_authorizer(handle, countReads, null);
        await connection.QueryAsync<long>("SELECT x FROM cold");
        for (var i = 0; i < 150; i++)
        {
            // Dapper's list parameters make a text like these for each length.
            await connection.ExecuteScalarAsync<long>($"SELECT {i}");
            Assert.Equal("two", await connection.QuerySingleAsync<string>(SelectName, new { id = 2 }));
        }

        await connection.QueryAsync<long>("SELECT x FROM cold");
        raw.sqlite3_set_authorizer(handle, (delegate_authorizer?)null, null);

        Assert.Equal(1, compiles["probe"]);
        Assert.Equal(2, compiles["cold"]);
    }

    [Fact]
    public async Task Connection_with_a_reader_left_open_is_closed_instead_of_handed_back()
    {
        var connection = await _connections.OpenAsync(CancellationToken.None);
        var reader = await connection.ExecuteReaderAsync("SELECT id FROM probe ORDER BY id");
        Assert.True(await reader.ReadAsync());

        await connection.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, connection.State);

        await using var next = await _connections.OpenAsync(CancellationToken.None);
        Assert.NotSame(connection, next);
        Assert.Equal(1, await next.ExecuteAsync("UPDATE probe SET name = 'uno' WHERE id = 1"));
    }

    [Fact]
    public async Task Connection_disposed_twice_is_handed_back_once()
    {
        var first = await _connections.OpenAsync(CancellationToken.None);
        await first.DisposeAsync();
        await first.DisposeAsync();

        await using var one = await _connections.OpenAsync(CancellationToken.None);
        await using var other = await _connections.OpenAsync(CancellationToken.None);
        Assert.Same(first, one);
        Assert.NotSame(one, other);
    }

    [Fact]
    public async Task Run_without_its_parameter_fails_instead_of_taking_the_last_runs_value()
    {
        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        Assert.Equal("two", await connection.QuerySingleAsync<string>(SelectName, new { id = 2 }));

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.QueryAsync<string>(SelectName));
        Assert.Contains("@id", missing.Message);
    }

    [Fact]
    public async Task Transaction_left_open_is_rolled_back_before_the_connection_is_used_again()
    {
        sqlite3 handle;
        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        {
            handle = ((SqliteConnection)connection).Handle!;
            var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO probe (id, name) VALUES (4, 'four')", transaction: transaction);
        }

        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        {
            Assert.Same(handle, ((SqliteConnection)connection).Handle);
            await using var transaction = await connection.BeginTransactionAsync();
            Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM probe", transaction: transaction));
        }
    }

    [Fact]
    public async Task Same_sql_run_while_its_reader_is_open_gets_a_command_of_its_own()
    {
        const string AllIds = "SELECT id FROM probe ORDER BY id";
        await using var connection = await _connections.OpenAsync(CancellationToken.None);

        var pairs = new List<(long Outer, int Inner)>();
        foreach (var outer in connection.Query<long>(AllIds, buffered: false))
        {
            pairs.Add((outer, connection.Query<long>(AllIds).Count()));
        }

        Assert.Equal([(1L, 3), (2L, 3), (3L, 3)], pairs);
        Assert.Equal(3, connection.Query<long>(AllIds).Count());
    }

    [Fact]
    public async Task Connection_whose_database_path_is_gone_is_not_handed_out_again()
    {
        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal("one", await connection.QuerySingleAsync<string>(SelectName, new { id = 1 }));
        }

        var moved = _directory.File("moved");
        Directory.Move(Folder, moved);
        // The kept connection would still reach the moved file; a new one cannot open a file in a missing folder.
        await Assert.ThrowsAsync<SqliteException>(() => _connections.OpenAsync(CancellationToken.None));

        Directory.Move(moved, Folder);
        await using var back = await _connections.OpenAsync(CancellationToken.None);
        Assert.Equal("one", await back.QuerySingleAsync<string>(SelectName, new { id = 1 }));
    }

    [Fact]
    public async Task Disposed_factory_closes_its_connections_handed_back_and_those_still_out_when_they_come_back()
    {
        var handedBack = await _connections.OpenAsync(CancellationToken.None);
        var stillOut = await _connections.OpenAsync(CancellationToken.None);
        await handedBack.DisposeAsync();
        Assert.Equal(ConnectionState.Open, handedBack.State);

        _connections.Dispose();
        Assert.Equal(ConnectionState.Closed, handedBack.State);
        Assert.Equal(ConnectionState.Open, stillOut.State);

        await stillOut.DisposeAsync();
        Assert.Equal(ConnectionState.Closed, stillOut.State);
    }
}
