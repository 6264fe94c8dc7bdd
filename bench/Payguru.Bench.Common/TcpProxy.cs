using System.Net;
using System.Net.Sockets;

namespace Payguru.Bench.Common;

/// <summary>
/// A TCP forwarder on 127.0.0.1:&lt;free port&gt; in front of a target (a RabbitMQ node). <see cref="Cut"/> makes the target
/// vanish for the clients behind the proxy without touching the broker; <see cref="Restore"/> brings it back. The
/// integration tests and bench/chaos.sh share it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly HashSet<ProxyConnection> _connections = [];
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Task _acceptLoop;
    private bool _isCut;
    private bool _isDisposed;
    private long _forwarded;
    private long _dropped;

    private TcpProxy(string targetHost, int targetPort, int listenPort)
    {
        TargetHost = targetHost;
        TargetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, listenPort);
        _listener.Start(backlog: 128);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync(_disposing.Token);
    }

    /// <summary>Starts forwarding 127.0.0.1:<see cref="Port"/> to the target.</summary>
    /// <param name="listenPort">0 lets the system pick a free port, which cannot race with anyone.</param>
    public static TcpProxy Start(string targetHost, int targetPort, int listenPort = 0) =>
        new(targetHost, targetPort, listenPort);

    /// <summary>The address clients use: 127.0.0.1, not localhost, which may resolve to ::1 where nothing listens.</summary>
    public string Host => "127.0.0.1";

    public int Port { get; }

    public string TargetHost { get; }

    public int TargetPort { get; }

    public bool IsCut
    {
        get
        {
            lock (_gate)
            {
                return _isCut;
            }
        }
    }

    /// <summary>Connections currently forwarded (e.g. wait for a service to reconnect after <see cref="Restore"/>).</summary>
    public int OpenConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Connections accepted and forwarded since start.</summary>
    public long ForwardedConnectionCount => Interlocked.Read(ref _forwarded);

    /// <summary>Connections accepted while cut and reset at once (clients' reconnect attempts).</summary>
    public long DroppedConnectionCount => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Resets every open connection (both sides see RST) and resets each new one as soon as it is accepted until
    /// <see cref="Restore"/>. The listener stays open so the port cannot be lost to another socket meanwhile.
    /// </summary>
    public void Cut()
    {
        ProxyConnection[] open;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            _isCut = true;
            open = [.. _connections];
        }

        foreach (var connection in open)
        {
            connection.Abort();
        }
    }

    /// <summary>Forwards new connections again; connections cut earlier stay closed (clients reconnect).</summary>
    public void Restore()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            _isCut = false;
        }
    }

    /// <summary>Stops listening, resets all connections and waits for their pumps to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        ProxyConnection[] open;
        lock (_gate)
        {
            if (_isDisposed)
            {
                return;
            }

            _isDisposed = true;
            _isCut = true;
            open = [.. _connections];
        }

        _disposing.Cancel();
        _listener.Stop();
        foreach (var connection in open)
        {
            connection.Abort();
        }

        await _acceptLoop;
        await Task.WhenAll(open.Select(connection => connection.Completion));
        _disposing.Dispose();
    }

    public override string ToString() => $"{Host}:{Port} -> {TargetHost}:{TargetPort}{(IsCut ? " (cut)" : "")}";

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(stopping);
            }
            catch (Exception e) when (stopping.IsCancellationRequested
                && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException)
            {
                // A client that gave up before accept, or out of descriptors: keep serving, but do not spin.
                await Task.Delay(10, CancellationToken.None);
                continue;
            }

            ProxyConnection? connection = null;
            lock (_gate)
            {
                // Registered under the same lock Cut() takes, so a connection is either cut by it or refused here.
                if (!_isCut)
                {
                    connection = new ProxyConnection(client);
                    _connections.Add(connection);
                    Interlocked.Increment(ref _forwarded);
                }
                else
                {
                    Interlocked.Increment(ref _dropped);
                }
            }

            if (connection is null)
            {
                ProxyConnection.Reset(client);
                continue;
            }

            connection.Start(TargetHost, TargetPort, stopping);
            _ = connection.Completion.ContinueWith(
                _ =>
                {
                    lock (_gate)
                    {
                        _connections.Remove(connection);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }
}
