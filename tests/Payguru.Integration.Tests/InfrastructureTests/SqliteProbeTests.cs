using Microsoft.Data.Sqlite;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class SqliteProbeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Missing_database_reads_as_empty_and_is_not_created()
    {
        var probe = new SqliteProbe(_directory.File("payguru.db"));

        Assert.Equal(0, await probe.CountAsync("payments"));
        Assert.Empty(await probe.QueryAsync("SELECT * FROM payments"));
        Assert.False(await probe.TableExistsAsync("payments"));
        Assert.False(File.Exists(probe.DatabasePath));
    }

    [Fact]
    public async Task Missing_table_reads_as_empty()
    {
        var path = _directory.File("payguru.db");
        await ExecuteAsync(path, "CREATE TABLE other(id INTEGER)");
        var probe = new SqliteProbe(path);

        Assert.Equal(0, await probe.CountAsync("payments"));
        Assert.False(await probe.TableExistsAsync("payments"));
        Assert.True(await probe.TableExistsAsync("other"));
    }

    [Fact]
    public async Task Empty_file_being_created_reads_as_empty()
    {
        var path = _directory.File("payguru.db");
        await File.WriteAllBytesAsync(path, []);

        Assert.Equal(0, await new SqliteProbe(path).CountAsync("payments"));
    }

    [Fact]
    public async Task Counts_and_reads_rows_another_connection_committed_in_wal_mode()
    {
        var path = _directory.File("payguru.db");
        // The writer stays open, as the processor would, with the rows still in the WAL file.
        await using var writer = new SqliteConnection($"Data Source={path};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode=WAL");
        await ExecuteAsync(writer, "CREATE TABLE payments(txid INTEGER PRIMARY KEY, order_ref TEXT, amount TEXT)");
        await ExecuteAsync(writer, "INSERT INTO payments VALUES (1, 'order-1', '10.50'), (2, 'order-2', NULL)");
        var probe = new SqliteProbe(path);

        Assert.Equal(2, await probe.CountAsync("payments"));
        Assert.Equal(1, await probe.CountAsync("payments", "txid = $txid", new Dictionary<string, object?> { ["$txid"] = 2 }));
        var rows = await probe.QueryAsync("SELECT txid, order_ref, amount FROM payments ORDER BY txid");
        Assert.Equal(2, rows.Count);
        Assert.Equal(1L, rows[0]["txid"]);
        Assert.Equal("order-1", rows[0]["ORDER_REF"]);
        Assert.Equal("10.50", rows[0]["amount"]);
        Assert.Null(rows[1]["amount"]);
        Assert.Equal($"Data Source={path}", probe.WriterConnectionString);
    }

    [Fact]
    public async Task Probe_never_writes_to_the_database()
    {
        var path = _directory.File("payguru.db");
        await ExecuteAsync(path, "CREATE TABLE payments(txid INTEGER PRIMARY KEY)");

        var error = await Assert.ThrowsAsync<SqliteException>(() =>
            new SqliteProbe(path).QueryAsync("INSERT INTO payments VALUES (1)"));

        Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
    }

    [Fact]
    public async Task Waiting_for_a_count_sees_rows_a_later_writer_creates()
    {
        var path = _directory.File("payguru.db");
        var probe = new SqliteProbe(path);
        var clock = new TestClock();
        var step = Poll.DefaultInterval;

        var waiting = probe.WaitForCountAsync("payments", 2, TimeSpan.FromSeconds(10), time: clock);

        // Each write comes after the probe has read the state before it and waits for its next step.
        await clock.WaitForTimerAsync(step, 1); // no database yet
        await ExecuteAsync(path, "CREATE TABLE payments(txid INTEGER PRIMARY KEY)");
        clock.Advance(step);
        await clock.WaitForTimerAsync(step, 2); // the table, empty
        Assert.False(waiting.IsCompleted);
        await ExecuteAsync(path, "INSERT INTO payments VALUES (1), (2)");
        clock.Advance(step);

        Assert.Equal(2, await waiting);
    }

    [Fact]
    public async Task Waiting_for_a_count_that_never_comes_times_out_naming_the_last_count()
    {
        var path = _directory.File("payguru.db");
        await ExecuteAsync(path, "CREATE TABLE payments(txid INTEGER PRIMARY KEY); INSERT INTO payments VALUES (1);");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            new SqliteProbe(path).WaitForCountAsync("payments", 2, TimeSpan.FromMilliseconds(400)));

        Assert.Contains("2 rows in payments", error.Message, StringComparison.Ordinal);
        Assert.Contains("last value was 1", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
