using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// The processor's two databases as test data: a test that holds on both is a <c>[SkippableTheory]</c> over
/// <see cref="Both"/>, and runs on SQL Server where one is available (skipped with the reason elsewhere).
/// </summary>
public static class ProcessorDatabases
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static TheoryData<string> Both => [Sqlite, SqlServer];

    /// <summary>A SQLite file in <paramref name="directory"/>, or a database on the test run's SQL Server.</summary>
    public static async Task<ProcessorDatabase> CreateAsync(string provider, TempDirectory directory) => provider switch
    {
        Sqlite => new SqliteProbe(directory.File("payguru.db")),
        SqlServer => await SqlServerProbe.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, $"neither {Sqlite} nor {SqlServer}"),
    };
}
