namespace Payguru.Provider.Wire.Http;

/// <summary>The message is safe to answer with (a fixed text, never a framework exception's); the status is 400, or 408 for a body sent too slowly.</summary>
public sealed class WireFormatException(string reason, int statusCode = 400) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;
}
