using System.Net;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Payguru.Messaging.Publishing;
using PublishException = RabbitMQ.Client.Exceptions.PublishException;

namespace Payguru.Provider.Tests.Publishing;

/// <summary>
/// The nack-storm recovery: three nacks with no confirm between close the bus's broker socket (so it reconnects with
/// fresh channels); a confirm resets the count; returns, timeouts and lost connections are not nacks.
/// </summary>
public sealed class BrokerConnectionRecyclerTests
{
    [Fact]
    public void A_nack_is_told_apart_from_a_return_and_other_failures_also_when_wrapped()
    {
        Assert.True(NackedPublishObserver.IsNack(new PublishException(7, isReturn: false)));
        Assert.True(NackedPublishObserver.IsNack(new RabbitMqConnectionException("BasicPublishAsync failed", new PublishException(7, isReturn: false))));
        Assert.False(NackedPublishObserver.IsNack(new RabbitMqConnectionException("BasicPublishAsync failed", new PublishException(7, isReturn: true))));
        Assert.False(NackedPublishObserver.IsNack(new MessageReturnedException("returned", new PublishException(7, isReturn: true))));
        Assert.False(NackedPublishObserver.IsNack(new OperationCanceledException()));
        Assert.False(NackedPublishObserver.IsNack(new RabbitMqConnectionException("Broker unreachable")));
    }

    [Fact]
    public void Fewer_than_three_nacks_in_a_row_or_a_confirm_between_them_recycle_nothing()
    {
        var recycler = new BrokerConnectionRecycler(NullLogger<BrokerConnectionRecycler>.Instance);

        recycler.PublishNacked();
        recycler.PublishNacked();
        recycler.PublishConfirmed();
        recycler.PublishNacked();
        recycler.PublishNacked();

        Assert.Equal(0, recycler.Recycles);
        recycler.PublishNacked();
        Assert.Equal(1, recycler.Recycles);
    }

    [Fact]
    public async Task The_third_nack_in_a_row_closes_the_socket_the_bus_connected_with()
    {
        var recycler = new BrokerConnectionRecycler(NullLogger<BrokerConnectionRecycler>.Instance);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var socket = recycler.CreateSocket(AddressFamily.InterNetwork);
            await socket.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, CancellationToken.None);
            using var broker = await listener.AcceptTcpClientAsync();

            for (var nack = 0; nack < BrokerConnectionRecycler.NacksBeforeRecycle; nack++)
            {
                recycler.PublishNacked();
            }

            // The broker's side sees the connection end (a read of 0 bytes), as when a network drops it.
            var read = await broker.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, read);
            Assert.Equal(1, recycler.Recycles);
        }
        finally
        {
            listener.Stop();
        }
    }
}
