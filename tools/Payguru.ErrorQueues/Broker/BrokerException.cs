namespace Payguru.ErrorQueues.Broker;

/// <summary>The broker refused or could not do what was asked; the message says what and what to check.</summary>
public sealed class BrokerException(string message, Exception? inner = null) : Exception(message, inner);
