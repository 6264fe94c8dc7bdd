namespace Payguru.Messaging.Broker;

/// <summary>One broker (or cluster member) to connect to.</summary>
public sealed record BrokerNode(string Host, ushort Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
