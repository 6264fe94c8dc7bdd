using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Payguru.Messaging.Publishing;

/// <summary>
/// RabbitMQ before 3.12.5 nacks every publish on a channel for ever once a quorum queue's leader it publishes to was
/// killed (docs/brokers.md). After <see cref="NacksBeforeRecycle"/> nacks in a row this closes the bus's broker sockets;
/// the bus reconnects with fresh channels, which route to the new leader. A confirm resets the count.
/// </summary>
public sealed class BrokerConnectionRecycler(ILogger<BrokerConnectionRecycler> logger)
{
    /// <summary>A single nack can be a full queue or a node going down; three in a row with no confirm between is the storm.</summary>
    public const int NacksBeforeRecycle = 3;

    readonly ConcurrentDictionary<ITcpClient, byte> _sockets = new();
    int _nacksInARow;
    int _recycles;

    public int Recycles => Volatile.Read(ref _recycles);

    public ITcpClient CreateSocket(AddressFamily addressFamily)
    {
        foreach (var closed in _sockets.Keys.Where(socket => socket.Client is null || !socket.Connected))
        {
            _sockets.TryRemove(closed, out _);
        }

        var socket = ConnectionFactoryBase.DefaultSocketFactory(addressFamily);
        _sockets[socket] = 0;
        return socket;
    }

    public void PublishConfirmed() => Volatile.Write(ref _nacksInARow, 0);

    public void PublishNacked()
    {
        if (Interlocked.Increment(ref _nacksInARow) < NacksBeforeRecycle)
        {
            return;
        }

        Volatile.Write(ref _nacksInARow, 0);
        Interlocked.Increment(ref _recycles);
        logger.LogWarning(
            "The broker nacked {Nacks} publishes in a row: reopening the broker connection (RabbitMQ before 3.12.5 nacks a channel for ever after a quorum queue's leader died)",
            NacksBeforeRecycle);
        foreach (var socket in _sockets.Keys)
        {
            // Closing the socket, not the connection: the bus reconnects after a connection lost, not after one it closed itself.
            socket.Close();
            _sockets.TryRemove(socket, out _);
        }
    }
}
