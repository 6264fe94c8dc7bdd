namespace Payguru.Api.Wire.Http;

/// <summary>A request body that cannot be read at all; the message is safe to answer with.</summary>
public sealed class WireFormatException(string reason) : Exception(reason);
