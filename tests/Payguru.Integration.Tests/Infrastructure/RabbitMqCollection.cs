namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// <c>[Collection(RabbitMqCollection.Name)]</c> shares one <see cref="RabbitMqBroker"/> and runs the classes one after
/// another. Tests that each use their own virtual host can take <c>IClassFixture&lt;RabbitMqBroker&gt;</c> instead and run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "RabbitMQ";
}
