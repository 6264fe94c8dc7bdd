using System.Collections.Concurrent;
using MassTransit;

namespace OrderService.Tests.Infrastructure;

/// <summary>
/// Every copy of <typeparamref name="T"/> the bus delivers, with its message id. The harness's own lists keep one entry
/// per message id, so they cannot show that a repeat came with the same id; this can.
/// </summary>
public sealed class MessageRecorder<T>
    where T : class
{
    readonly ConcurrentQueue<(Guid? MessageId, T Message)> _copies = new();
    readonly SemaphoreSlim _arrived = new(0);

    MessageRecorder()
    {
    }

    public static async Task<MessageRecorder<T>> StartAsync(IBus bus)
    {
        var recorder = new MessageRecorder<T>();
        var handle = bus.ConnectReceiveEndpoint($"recorder-{typeof(T).Name}-{Guid.NewGuid():N}", endpoint => endpoint.Handler<T>(context =>
        {
            recorder._copies.Enqueue((context.MessageId, context.Message));
            recorder._arrived.Release();
            return Task.CompletedTask;
        }));
        await handle.Ready;
        return recorder;
    }

    /// <summary>Waits until <paramref name="count"/> copies came; fails after 30 s.</summary>
    public async Task<IReadOnlyList<(Guid? MessageId, T Message)>> WaitForAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(30)), $"{i} {typeof(T).Name} came, {count} expected");
        }

        return [.. _copies];
    }
}
