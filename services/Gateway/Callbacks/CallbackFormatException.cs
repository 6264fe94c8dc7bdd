namespace Payguru.Gateway.Callbacks;

/// <summary>A callback body that cannot be read at all; the message is safe to answer with.</summary>
public sealed class CallbackFormatException(string reason) : Exception(reason);
