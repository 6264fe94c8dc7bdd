namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

/// <summary>A test that needs SQL Server: skipped with <see cref="SqlServerTestDatabase.SkipReason"/> when none is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        Skip = SqlServerTestDatabase.SkipReason;
    }
}
