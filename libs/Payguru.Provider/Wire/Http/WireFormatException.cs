namespace Payguru.Provider.Wire.Http;

/// <summary>
/// A request body that cannot be read at all. The message is safe to answer with (a fixed text, never
/// a framework exception's); <see cref="StatusCode"/> is the answer's status: 400, or 408 for a body sent too slowly.
/// </summary>
public sealed class WireFormatException(string reason, int statusCode = 400) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;
}
