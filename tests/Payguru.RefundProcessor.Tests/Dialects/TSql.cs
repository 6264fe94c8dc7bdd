using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// Parses T-SQL as SQL Server 2022 does (TSql160Parser, the compose file's server; what parses here
/// parses on later versions too), with QUOTED_IDENTIFIER on as SqlClient sets it.
/// </summary>
public static class TSql
{
    public static (TSqlScript Script, IList<ParseError> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(ExpandDapperLists(sql)), out var errors);
        return ((TSqlScript)fragment, errors);
    }

    /// <summary>
    /// Dapper turns <c>IN @Sequences</c> into <c>IN (@Sequences1, @Sequences2, …)</c> before SQL Server
    /// sees it; the parser is given that form.
    /// </summary>
    static string ExpandDapperLists(string sql) =>
        Regex.Replace(sql, @"\bIN\s+@(\w+)", "IN (@${1}1, @${1}2)");
}
