using System.Buffers;
using System.Net.Sockets;

namespace Payguru.Bench.Common;

/// <summary>One client connection of a <see cref="TcpProxy"/> and its upstream twin, pumping bytes both ways.</summary>
internal sealed class ProxyConnection
{
    private const int BufferSize = 64 * 1024;

    private readonly object _gate = new();
    private readonly Socket _client;
    private readonly CancellationTokenSource _aborted = new();
    private Socket? _upstream;
    private bool _isAborted;

    public ProxyConnection(Socket client)
    {
        _client = client;
        _client.NoDelay = true;
    }

    /// <summary>Completes when both sockets are closed; never faults.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public void Start(string targetHost, int targetPort, CancellationToken stopping) =>
        Completion = RunAsync(targetHost, targetPort, stopping);

    /// <summary>Resets both sides (RST, no graceful close), the way a lost network or a dead broker looks to the peers.</summary>
    public void Abort()
    {
        Socket? upstream;
        lock (_gate)
        {
            if (_isAborted)
            {
                return;
            }

            _isAborted = true;
            upstream = _upstream;
        }

        _aborted.Cancel();
        Reset(_client);
        Reset(upstream);
    }

    /// <summary>Closes a socket with RST instead of FIN, so the peer notices at once.</summary>
    public static void Reset(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer or by us.
        }

        socket.Dispose();
    }

    private async Task RunAsync(string targetHost, int targetPort, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _aborted.Token);
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        lock (_gate)
        {
            if (_isAborted)
            {
                Reset(upstream);
                return;
            }

            _upstream = upstream;
        }

        var clean = false;
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, linked.Token);
            var toUpstream = PumpAsync(_client, upstream, linked.Token);
            var toClient = PumpAsync(upstream, _client, linked.Token);
            var first = await Task.WhenAny(toUpstream, toClient);
            if (!await first)
            {
                // One side failed: the other will never see an end of its own, so tear both down.
                Abort();
            }

            clean = await toUpstream & await toClient;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Target refused, or Cut()/dispose interrupted the connect.
        }
        finally
        {
            if (clean)
            {
                _client.Dispose();
                upstream.Dispose();
            }
            else
            {
                Abort();
            }
        }
    }

    /// <summary>Copies until the source ends (then half-closes the destination: true) or either side fails (false).</summary>
    private static async Task<bool> PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return true;
                }

                for (var sent = 0; sent < read;)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
