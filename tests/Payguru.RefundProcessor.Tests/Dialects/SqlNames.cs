using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// The tables and columns one parsed statement names, and the names it defines itself (common
/// table expressions, aliases, a MERGE source's column list), to check against the schema: the
/// parser accepts any identifier, SQL Server does not.
/// </summary>
public sealed class SqlNames : TSqlFragmentVisitor
{
    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Columns { get; } = new(StringComparer.Ordinal);

    /// <summary>Names the statement defines: CTEs and table aliases (which may qualify a column) and derived column names.</summary>
    public HashSet<string> Defined { get; } = new(StringComparer.Ordinal);

    public static SqlNames Of(TSqlFragment fragment)
    {
        var names = new SqlNames();
        fragment.Accept(names);
        return names;
    }

    public override void Visit(NamedTableReference node)
    {
        Tables.Add(node.SchemaObject.BaseIdentifier.Value);
        if (node.Alias is { } alias)
        {
            Defined.Add(alias.Value);
        }
    }

    public override void Visit(InlineDerivedTable node)
    {
        Defined.Add(node.Alias.Value);
        Defined.UnionWith(node.Columns.Select(column => column.Value));
    }

    public override void Visit(CommonTableExpression node) => Defined.Add(node.ExpressionName.Value);

    public override void Visit(ColumnReferenceExpression node)
    {
        if (node.ColumnType == ColumnType.Regular && node.MultiPartIdentifier is { } identifier)
        {
            Columns.Add(identifier.Identifiers[^1].Value);
        }
    }
}
