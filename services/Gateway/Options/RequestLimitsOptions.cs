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

    /// <summary><c>Gateway:Limits:CallbackBodyBytes</c>: a Payguru callback's body (form or JSON); they are a few hundred bytes.</summary>
    public int CallbackBodyBytes { get; set; } = 64 * 1024;

    /// <summary><c>Gateway:Limits:RefundBodyBytes</c>: the JSON body of <c>POST /refunds</c>.</summary>
    public int RefundBodyBytes { get; set; } = 16 * 1024;

    /// <summary><c>Gateway:Limits:ClientTokenBodyBytes</c>: the JSON body of <c>POST /client-tokens</c> (three small fields).</summary>
    public int ClientTokenBodyBytes { get; set; } = 4 * 1024;

    /// <summary><c>Gateway:Limits:CallbackFields</c>: how many fields a callback may carry, query, form and JSON together.</summary>
    public int CallbackFields { get; set; } = 100;

    /// <summary><c>Gateway:Limits:FieldNameLength</c>: the longest field name of a callback, in characters.</summary>
    public int FieldNameLength { get; set; } = 256;

    /// <summary><c>Gateway:Limits:FieldValueLength</c>: the longest field value of a callback, in characters.</summary>
    public int FieldValueLength { get; set; } = 8 * 1024;

    /// <summary><c>Gateway:Limits:HeadersBytes</c>: all request headers together (Kestrel's <c>MaxRequestHeadersTotalSize</c>).</summary>
    public int HeadersBytes { get; set; } = 32 * 1024;

    /// <summary><c>Gateway:Limits:HeaderCount</c>: how many request headers (Kestrel's <c>MaxRequestHeaderCount</c>).</summary>
    public int HeaderCount { get; set; } = 100;

    /// <summary><c>Gateway:Limits:RequestLineBytes</c>: the request line, query string included (Kestrel's <c>MaxRequestLineSize</c>).</summary>
    public int RequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// <c>Gateway:Limits:MinBodyBytesPerSecond</c>: a body that arrives slower than this, after a 5 s grace,
    /// is cut off and answered 408 (Kestrel's <c>MinRequestBodyDataRate</c>), so slow senders hold no connection for long.
    /// </summary>
    public int MinBodyBytesPerSecond { get; set; } = 240;

    /// <summary>The largest body any endpoint reads: Kestrel's own limit for every request.</summary>
    public int LargestBodyBytes => Math.Max(CallbackBodyBytes, Math.Max(RefundBodyBytes, ClientTokenBodyBytes));

    /// <summary>What <see cref="WireFieldsReader"/> may read of a callback.</summary>
    public WireReadLimits Callbacks => new(CallbackBodyBytes, CallbackFields, FieldNameLength, FieldValueLength);
}
