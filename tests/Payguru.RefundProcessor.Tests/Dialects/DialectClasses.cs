using System.Reflection;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// The processor's dialect classes (named Sqlite… and SqlServer…, one pair per store, beside the
/// store's abstract …Queries class with the statements both share) and every SQL statement SQL Server
/// is sent: each string property and constant of each SqlServer… class, inherited ones included.
/// Found by reflection, so that a new store's classes are covered without being listed here.
/// </summary>
public static class DialectClasses
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static readonly Assembly Processor = typeof(SchemaMigrator).Assembly;

    static readonly Lazy<IReadOnlyDictionary<string, string>> SqlServerStatementsBySource = new(FindSqlServerStatements);

    /// <summary>The top-level classes of a dialect: Sqlite… or SqlServer….</summary>
    public static IReadOnlyList<Type> Of(string dialect) =>
        Processor.GetTypes().Where(type => type.IsClass && !type.IsNested && type.Name.StartsWith(dialect, StringComparison.Ordinal)).ToList();

    /// <summary>Every statement SQL Server is sent, by where it is written (<c>SqlServerOutboxQueries.SelectDue</c>).</summary>
    public static IReadOnlyDictionary<string, string> SqlServerStatements => SqlServerStatementsBySource.Value;

    static IReadOnlyDictionary<string, string> FindSqlServerStatements() =>
        Of(SqlServer).SelectMany(DeclaredStrings).ToDictionary(statement => statement.Source, statement => statement.Sql);

    /// <summary>The string properties (of an instance made with the parameterless constructor) and string constants of <paramref name="type"/>.</summary>
    static IEnumerable<(string Source, string Sql)> DeclaredStrings(Type type)
    {
        foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                     .Where(field => field.IsLiteral && field.FieldType == typeof(string)))
        {
            yield return ($"{type.Name}.{constant.Name}", (string)constant.GetRawConstantValue()!);
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            yield break;
        }

        var instance = Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.PropertyType == typeof(string)))
        {
            if (property.GetValue(instance) is string sql)
            {
                yield return ($"{type.Name}.{property.Name}", sql);
            }
        }
    }
}
