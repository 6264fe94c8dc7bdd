using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Payguru.Testing;

/// <summary>
/// TCP ports on 127.0.0.1 that nothing listens on, for services started by a test (the gateway's or the sandbox's URLS)
/// and for listeners inside a test (a fake merchant).
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>
    /// A port below the kernel's ephemeral range, so an outgoing connection cannot take it between this call and the
    /// service binding it; never the same port twice in one test run.
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

        throw new InvalidOperationException($"No free TCP port found in {low}-{high} on 127.0.0.1.");
    }

    /// <summary>http://127.0.0.1:&lt;free port&gt;</summary>
    public static string NextHttpUrl() => $"http://127.0.0.1:{Next().ToString(CultureInfo.InvariantCulture)}";

    private static bool CanBind(int port)
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

    private static (int Low, int High) CandidateRange()
    {
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var ephemeralLow = 32768;
        try
        {
            if (File.Exists(rangeFile))
            {
                var parts = File.ReadAllText(rangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                ephemeralLow = int.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            // Keep the Linux default.
        }

        // Stay clear of well-known service ports (5672, 5080 gateway, 5090 sandbox, 15672, ...) below 20000.
        return ephemeralLow > 22000 ? (20000, ephemeralLow) : (49152 - 8192, 49152);
    }
}
