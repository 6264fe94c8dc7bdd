using Microsoft.SqlServer.TransactSql.ScriptDom;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>One column as a CREATE TABLE or ALTER TABLE … ADD of the SQL Server scripts declares it.</summary>
public sealed record SqlServerColumn(string Name, SqlDataTypeOption Type, bool Nullable, string? Collation);

/// <summary>
/// The schema the SQL Server scripts build, read from their parsed text: the tables with their
/// columns, and the index names. The migrator's own schema_migrations is part of it.
/// </summary>
public sealed class SqlServerSchema : TSqlFragmentVisitor
{
    readonly Dictionary<string, List<SqlServerColumn>> _tables = new(StringComparer.Ordinal);
    readonly List<string> _indexes = [];

    public IReadOnlyDictionary<string, List<SqlServerColumn>> Tables => _tables;

    public IReadOnlyList<string> Indexes => _indexes;

    public static SqlServerSchema FromMigrations()
    {
        var schema = new SqlServerSchema();
        foreach (var sql in SchemaMigrator.Scripts(DialectClasses.SqlServer).Select(script => script.Sql).Append(new SqlServerMigrationQueries().CreateHistoryTable))
        {
            TSql.Parse(sql).Script.Accept(schema);
        }

        return schema;
    }

    public override void Visit(CreateTableStatement node)
    {
        var primaryKey = node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>()
            .Where(constraint => constraint.IsPrimaryKey)
            .SelectMany(constraint => constraint.Columns.Select(column => column.Column.MultiPartIdentifier.Identifiers[^1].Value))
            .ToHashSet(StringComparer.Ordinal);
        _tables[node.SchemaObjectName.BaseIdentifier.Value] = node.Definition.ColumnDefinitions
            .Select(column => Column(column, primaryKey.Contains(column.ColumnIdentifier.Value)))
            .ToList();
    }

    // A later migration's columns come last, as SQLite's ALTER TABLE … ADD COLUMN puts them.
    public override void Visit(AlterTableAddTableElementStatement node) =>
        _tables[node.SchemaObjectName.BaseIdentifier.Value].AddRange(
            node.Definition.ColumnDefinitions.Select(column => Column(column, primaryKey: false)));

    // ALTER COLUMN changes a column in place (its type, nullability, collation), where SQLite rebuilds the table with the column where it was.
    public override void Visit(AlterTableAlterColumnStatement node)
    {
        var columns = _tables[node.SchemaObjectName.BaseIdentifier.Value];
        var index = columns.FindIndex(column => column.Name == node.ColumnIdentifier.Value);
        columns[index] = new SqlServerColumn(
            node.ColumnIdentifier.Value,
            ((SqlDataTypeReference)node.DataType).SqlDataTypeOption,
            node.AlterTableAlterColumnOption switch
            {
                AlterTableAlterColumnOption.Null => true,
                AlterTableAlterColumnOption.NotNull => false,
                _ => columns[index].Nullable,
            },
            node.Collation?.Value);
    }

    public override void Visit(AlterTableDropTableElementStatement node)
    {
        var columns = _tables[node.SchemaObjectName.BaseIdentifier.Value];
        foreach (var element in node.AlterTableDropTableElements.Where(element => element.TableElementType == TableElementType.Column))
        {
            columns.RemoveAll(column => column.Name == element.Name.Value);
        }
    }

    public override void Visit(DropIndexStatement node)
    {
        foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
        {
            _indexes.Remove(clause.Index.Value);
        }
    }

    static SqlServerColumn Column(ColumnDefinition column, bool primaryKey) => new(
        column.ColumnIdentifier.Value,
        ((SqlDataTypeReference)column.DataType).SqlDataTypeOption,
        !primaryKey && column.Constraints.OfType<NullableConstraintDefinition>().SingleOrDefault()?.Nullable != false,
        column.Collation?.Value);

    public override void Visit(CreateIndexStatement node) => _indexes.Add(node.Name.Value);
}
