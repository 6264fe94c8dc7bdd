using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Identity;

/// <summary>The TCKN hashes of orders waiting for Payguru's identity check (table <c>order_identities</c>); never a TCKN.</summary>
public sealed class IdentityStore(IdentityQueries queries, IDbConnectionFactory connections)
{
    /// <summary>The order's stored hashes by service code, locked until <paramref name="transaction"/> ends.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HashesForUpdateAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<(string ServiceCode, string TcknHash)>(
            queries.SelectHashesForUpdate, new { Order = order }, transaction))
        .ToDictionary(row => row.ServiceCode, row => row.TcknHash, StringComparer.Ordinal);

    /// <summary>Makes <paramref name="hashes"/> the order's identity; hashes of services no longer configured are deleted.</summary>
    public async Task ReplaceAsync(DbTransaction transaction, string order, IReadOnlyDictionary<string, string> hashes, DateTimeOffset registeredAt)
    {
        var connection = transaction.Connection!;
        foreach (var (serviceCode, hash) in hashes)
        {
            await connection.ExecuteAsync(queries.UpsertHash,
                new { Order = order, ServiceCode = serviceCode, TcknHash = hash, RegisteredAt = registeredAt }, transaction);
        }

        await connection.ExecuteAsync(queries.DeleteOtherServices, new { Order = order, ServiceCodes = hashes.Keys.ToList() }, transaction);
    }

    /// <summary>The hash Payguru's <c>verify</c> call is answered with, or null.</summary>
    public async Task<string?> FindHashAsync(string order, string serviceCode, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(queries.SelectHash, new { Order = order, ServiceCode = serviceCode });
    }

    /// <summary>Deletes the hashes registered before <paramref name="before"/> that Payguru never checked (retention).</summary>
    public async Task<int> DeleteRegisteredBeforeAsync(DbConnection connection, DateTimeOffset before) =>
        await connection.ExecuteAsync(queries.DeleteRegisteredBefore, new { Before = before });

    /// <returns>How many hashes of the order were deleted.</returns>
    public async Task<int> EraseAsync(DbTransaction transaction, string order) =>
        await transaction.Connection!.ExecuteAsync(queries.DeleteOfOrder, new { Order = order }, transaction);
}
