using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Options;

/// <summary>
/// <c>Gateway:Limits</c>: how much of a request the gateway reads before it refuses it, every limit in
/// one place. Bodies are counted while they arrive (a chunked body is stopped at its endpoint's limit, not
/// buffered first) and refused 400 past it; the header limits are Kestrel's and answered by it (431, 414).
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Gateway:Limits";

    /// <summary>A Payguru callback's body (form or JSON); they are a few hundred bytes.</summary>
    public int CallbackBodyBytes { get; set; } = 64 * 1024;

    public int RefundBodyBytes { get; set; } = 16 * 1024;

    public int ClientTokenBodyBytes { get; set; } = 4 * 1024;

    /// <summary>Query, form and JSON together.</summary>
    public int CallbackFields { get; set; } = 100;

    public int FieldNameLength { get; set; } = 256;

    public int FieldValueLength { get; set; } = 8 * 1024;

    /// <summary>All request headers together (Kestrel's <c>MaxRequestHeadersTotalSize</c>).</summary>
    public int HeadersBytes { get; set; } = 32 * 1024;

    public int HeaderCount { get; set; } = 100;

    /// <summary>The request line, query string included (Kestrel's <c>MaxRequestLineSize</c>).</summary>
    public int RequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// A body slower than this, after a 5 s grace, is cut off and answered 408 (Kestrel's <c>MinRequestBodyDataRate</c>),
    /// so slow senders hold no connection for long.
    /// </summary>
    public int MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>The largest body any endpoint reads: Kestrel's own limit for every request.</summary>
    public int LargestBodyBytes => Math.Max(CallbackBodyBytes, Math.Max(RefundBodyBytes, ClientTokenBodyBytes));

    public WireReadLimits Callbacks => new(CallbackBodyBytes, CallbackFields, FieldNameLength, FieldValueLength);
}
