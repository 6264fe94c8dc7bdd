using System.Data;
using System.Globalization;
using Dapper;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// How values are stored in both dialects: a time as its round-trip text (<c>2026-12-02T13:57:59.1234567+00:00</c>),
/// an amount as invariant decimal text, an id as <c>D</c> text. The processor's own times are UTC from its clock, so
/// they sort and compare as the times do; a provider's time keeps its reported offset and is never compared in SQL.
/// </summary>
public static class DatabaseTypes
{
    static int _registered;

    /// <summary>Registers the handlers once per process; the connection factories call it.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        // Dapper's own mapping of these types would win over a handler for parameters.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(decimal));
        SqlMapper.RemoveTypeMap(typeof(decimal?));
        SqlMapper.RemoveTypeMap(typeof(Guid));
        SqlMapper.RemoveTypeMap(typeof(Guid?));
        SqlMapper.AddTypeHandler(new TextHandler<DateTimeOffset>(
            time => time.ToString("O", CultureInfo.InvariantCulture), text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        SqlMapper.AddTypeHandler(new TextHandler<decimal>(
            amount => amount.ToString(CultureInfo.InvariantCulture), text => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)));
        SqlMapper.AddTypeHandler(new TextHandler<Guid>(id => id.ToString("D"), Guid.Parse));
    }

    sealed class TextHandler<T>(Func<T, string> write, Func<string, T> read) : SqlMapper.TypeHandler<T>
    {
        public override void SetValue(IDbDataParameter parameter, T? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = write(value!);
        }

        public override T Parse(object value) => read((string)value);
    }
}
