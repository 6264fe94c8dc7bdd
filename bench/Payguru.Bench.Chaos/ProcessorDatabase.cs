using Microsoft.Data.Sqlite;

namespace Payguru.Bench.Chaos;

/// <summary>
/// Read-only looks at the processors' one SQLite file (docs/architecture.md, Storage): which payments are recorded,
/// what the outbox still holds, the token in use. Reads only: the processors own every write.
/// </summary>
public sealed class ProcessorDatabase(string path)
{
    string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 30 }.ToString();

    public bool Exists => File.Exists(path);

    /// <summary>How many payment rows the order has (one payment per order in this load: more is a duplicate).</summary>
    public Task<long> PaymentRowsAsync(string order) => ScalarAsync("SELECT COUNT(*) FROM payments WHERE order_ref = $value", order);

    public Task<long> PaymentRowsByTxidAsync(long txid) => ScalarAsync("SELECT COUNT(*) FROM payments WHERE txid = $value", txid);

    public Task<long> UnsentOutboxAsync() => ScalarAsync("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL", null);

    public async Task<IReadOnlyList<string>> TokensAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token FROM payguru_tokens WHERE token IS NOT NULL";
        var tokens = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }

    async Task<long> ScalarAsync(string sql, object? value)
    {
        if (!Exists)
        {
            return 0;
        }

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
