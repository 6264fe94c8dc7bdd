namespace Payguru.Provider.Wire.Http;

/// <summary>
/// How much of a request <see cref="BoundedBody"/> and <see cref="WireFieldsReader"/> read before they
/// refuse it: the body's bytes (chunked bodies included, counted while they arrive), and the number of
/// fields and the length of each name and value, whether they come as a query, a form or a JSON object.
/// </summary>
public sealed record WireReadLimits(long MaxBodyBytes, int MaxFields, int MaxNameLength, int MaxValueLength)
{
    /// <summary>Provider calls are a few hundred bytes with at most a few dozen fields of short texts.</summary>
    public static readonly WireReadLimits Default = new(MaxBodyBytes: 64 * 1024, MaxFields: 100, MaxNameLength: 256, MaxValueLength: 8 * 1024);
}
