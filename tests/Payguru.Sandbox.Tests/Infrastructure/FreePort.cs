using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>TCP ports on 127.0.0.1 that nothing listens on, for the sandbox and the fake merchant.</summary>
public static class FreePort
{
    static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>
    /// A port below the kernel's ephemeral range (so no outgoing connection takes it before the
    /// server binds it), never the same one twice in a run.
    /// </summary>
    public static int Next()
    {
        var (low, high) = CandidateRange();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (HandedOut.TryAdd(port, 0) && CanBind(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free TCP port in {low}-{high} on 127.0.0.1.");
    }

    public static string NextHttpUrl() => $"http://127.0.0.1:{Next().ToString(CultureInfo.InvariantCulture)}";

    static bool CanBind(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    static (int Low, int High) CandidateRange()
    {
        var ephemeralLow = 32768;
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            ephemeralLow = int.Parse(parts[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            // Keep Linux's default.
        }

        // Clear of the well-known ports below 20000 (5080 gateway, 5090 sandbox, 5672 RabbitMQ, …).
        return ephemeralLow > 22000 ? (20000, ephemeralLow) : (49152 - 8192, 49152);
    }
}
