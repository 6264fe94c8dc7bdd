namespace Payguru.Provider.Wire.Http;

public sealed record WireReadLimits(long MaxBodyBytes, int MaxFields, int MaxNameLength, int MaxValueLength)
{
    /// <summary>Provider calls are a few hundred bytes with at most a few dozen fields of short texts.</summary>
    public static readonly WireReadLimits Default = new(MaxBodyBytes: 64 * 1024, MaxFields: 100, MaxNameLength: 256, MaxValueLength: 8 * 1024);
}
