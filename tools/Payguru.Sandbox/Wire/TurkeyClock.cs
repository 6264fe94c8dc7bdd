using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Http;

namespace Payguru.Sandbox.Wire;

/// <summary>Now in Turkey time, as Payguru stamps its records.</summary>
public sealed class TurkeyClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow().ToOffset(WireValues.TurkeyOffset);

    /// <summary>Now, as Payguru writes it.</summary>
    public string NowText => WireValues.FormatTurkeyTime(Now);
}
