using System.Data;
using System.Globalization;
using Dapper;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// How the processor's values are stored, for every statement of both dialects: a time is its
/// round-trip text (<c>2026-12-02T13:57:59.1234567+00:00</c>), an amount its invariant decimal text
/// and an id its <c>D</c> text. Dapper then takes <see cref="DateTimeOffset"/>, <see cref="decimal"/>
/// and <see cref="Guid"/> parameters and columns as they are. The processor's own times come from
/// its clock in UTC, so they have one width and offset and sort and compare as the times do; a
/// provider's time (a payment's transaction time) keeps the offset it was reported with and is
/// never compared in SQL.
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
