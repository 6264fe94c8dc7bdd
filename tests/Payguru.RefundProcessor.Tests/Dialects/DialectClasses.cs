using System.Reflection;
using System.Text.RegularExpressions;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// The processor's dialect-specific classes (named Sqlite… and SqlServer…) and every SQL statement
/// that runs on SQL Server, found by reflection so that a new store's classes are covered without
/// being listed here.
/// </summary>
public static partial class DialectClasses
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static readonly Assembly Processor = typeof(SchemaMigrator).Assembly;

    static readonly Lazy<IReadOnlyDictionary<string, string>> SqlServerStatementsBySource = new(FindSqlServerStatements);

    /// <summary>The top-level classes of a dialect: Sqlite… or SqlServer….</summary>
    public static IReadOnlyList<Type> Of(string dialect) =>
        Processor.GetTypes().Where(type => type.IsClass && !type.IsNested && type.Name.StartsWith(dialect, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Every statement SQL Server is sent, by where it is written (<c>SqlServerOutboxQueries.ClaimBatch</c>,
    /// <c>RefundStore.FindAsync</c>): each string property and string constant of each SqlServer… class,
    /// and every SQL literal in the processor outside the Sqlite… classes (the stores' dialect-neutral SQL).
    /// </summary>
    public static IReadOnlyDictionary<string, string> SqlServerStatements => SqlServerStatementsBySource.Value;

    static IReadOnlyDictionary<string, string> FindSqlServerStatements()
    {
        var declared =
            from type in Of(SqlServer)
            from statement in DeclaredStrings(type)
            select statement;
        var inline =
            from literal in StringLiterals.In(Processor)
            where !literal.Type.Name.StartsWith(Sqlite, StringComparison.Ordinal) && LooksLikeSql(literal.Value)
            select (Source: $"{literal.Type.Name}.{literal.Member}", Sql: literal.Value);

        var statements = new Dictionary<string, string>();
        foreach (var group in declared.Concat(inline).GroupBy(statement => statement.Sql))
        {
            var source = group.First().Source;
            var name = source;
            for (var n = 2; statements.ContainsKey(name); n++)
            {
                name = $"{source} #{n}";
            }

            statements[name] = group.Key;
        }

        return statements;
    }

    /// <summary>The string properties (of an instance made with the parameterless constructor) and string constants of <paramref name="type"/>.</summary>
    static IEnumerable<(string Source, string Sql)> DeclaredStrings(Type type)
    {
        foreach (var constant in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
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

    /// <summary>Text that starts (after comments) with a statement keyword, written upper-case as every statement here is.</summary>
    static bool LooksLikeSql(string text) => SqlStart().IsMatch(text);

    [GeneratedRegex(@"^\s*(--[^\n]*\n\s*)*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|CREATE|ALTER|DROP|DECLARE|IF|EXEC|BEGIN|PRAGMA)\b")]
    private static partial Regex SqlStart();
}
