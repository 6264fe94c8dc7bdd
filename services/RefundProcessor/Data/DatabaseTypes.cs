using System.Data;
using System.Globalization;
using Dapper;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// How the processor's values are stored, for every statement of both dialects: a time is its
/// round-trip text (<c>2026-12-02T13:57:59.1234567+00:00</c>), an amount its invariant decimal text
/// and an id its <c>D</c> text. Dapper then takes <see cref="DateTimeOffset"/>, <see cref="decimal"/>
/// and <see cref="Guid"/> parameters and columns as they are. The processor's own times come from its clock in UTC, so they have one
/// width and offset and sort and compare as the times do; a provider's time (a payment's
/// transaction time) keeps the offset it was reported with and is never compared in SQL.
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
        SqlMapper.AddTypeHandler(new UtcTimeText());
        SqlMapper.AddTypeHandler(new MoneyText());
        SqlMapper.AddTypeHandler(new IdText());
    }

    sealed class UtcTimeText : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("O", CultureInfo.InvariantCulture);
        }

        public override DateTimeOffset Parse(object value) =>
            DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    sealed class IdText : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => Guid.Parse((string)value);
    }

    sealed class MoneyText : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString(CultureInfo.InvariantCulture);
        }

        public override decimal Parse(object value) => decimal.Parse((string)value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
