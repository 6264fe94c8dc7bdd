using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>What keeps a statement from running on SQL Server 2022, as far as can be told without one.</summary>
public static class TSqlCheck
{
    /// <summary>Parse errors, more than one batch, and <c>||</c>, which ScriptDom accepts but SQL Server has only from 2025 on.</summary>
    public static IReadOnlyList<string> SyntaxProblems(string sql)
    {
        var (script, errors) = TSql.Parse(sql);
        var problems = errors.Select(error => $"line {error.Line}, column {error.Column}: {error.Message}").ToList();
        if (errors.Count == 0 && script.Batches.Count != 1)
        {
            problems.Add($"{script.Batches.Count} batches (GO separators): the statement is sent as one command");
        }

        if (script.ScriptTokenStream.Any(token => token.TokenType == TSqlTokenType.Concat))
        {
            problems.Add("'||' concatenates only from SQL Server 2025 on: use '+'");
        }

        return problems;
    }

    /// <summary>Tables and columns the statement names that <paramref name="schema"/> does not have (the parser accepts any name).</summary>
    public static IReadOnlyList<string> UnknownNames(string sql, SqlServerSchema schema)
    {
        var names = SqlNames.Of(TSql.Parse(sql).Script);
        var tables = schema.Tables.Keys.Concat(names.Defined).ToHashSet(StringComparer.Ordinal);
        var columns = schema.Tables.Values.SelectMany(table => table.Select(column => column.Name)).Concat(names.Defined).ToHashSet(StringComparer.Ordinal);
        return names.Tables.Where(table => !tables.Contains(table)).Select(table => $"table {table}")
            .Concat(names.Columns.Where(column => !columns.Contains(column)).Select(column => $"column {column}"))
            .ToList();
    }
}
