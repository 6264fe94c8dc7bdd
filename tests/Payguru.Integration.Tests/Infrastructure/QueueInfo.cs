namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>One queue of a virtual host as rabbitmqctl reports it.</summary>
/// <param name="Messages">Ready plus unacknowledged.</param>
public sealed record QueueInfo(
    string Name,
    long Messages,
    long MessagesReady,
    long MessagesUnacknowledged,
    int Consumers,
    bool Durable);
