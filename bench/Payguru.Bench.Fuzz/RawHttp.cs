using System.Net.Sockets;
using System.Text;

namespace Payguru.Bench.Fuzz;

/// <summary>
/// Sends bytes over a fresh TCP connection and reads the answer's status and body: no HTTP client in between
/// that would refuse to send what a hostile caller sends. Every request asks <c>Connection: close</c>, so the
/// answer ends when the gateway closes.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Body);

    /// <summary>The answer, or null when none came within <paramref name="timeout"/> or the connection broke first.</summary>
    public static async Task<Answer?> SendAsync(int port, Probe probe, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancel.Token);
            var stream = client.GetStream();
            var bytes = probe.Mode switch
            {
                BodyMode.Whole => probe.Bytes,
                // Headers and half the body; Slow sends only up to the blank line that ends the headers.
                BodyMode.CutShort => probe.Bytes[..(HeadLength(probe.Bytes) + (probe.Bytes.Length - HeadLength(probe.Bytes)) / 2)],
                _ => probe.Bytes[..HeadLength(probe.Bytes)],
            };
            await stream.WriteAsync(bytes, cancel.Token);
            if (probe.Mode == BodyMode.CutShort)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }

            return Parse(await ReadToEndAsync(stream, cancel.Token));
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends a head announcing a large body, then the body in 64 KiB pieces of one shared buffer, while reading:
    /// the answer may come (and the connection close) long before the body is sent.
    /// </summary>
    public static async Task<Answer?> SendLargeAsync(int port, byte[] head, long bodyBytes, bool chunked, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancel.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(head, cancel.Token);
            var reading = ReadToEndAsync(stream, cancel.Token);
            var writing = WriteBodyAsync(stream, bodyBytes, chunked, cancel.Token);
            var received = await reading;
            await writing;
            return Parse(received);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
        {
            return null;
        }
    }

    static readonly byte[] Piece = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("txid=1&amount=2&", 4096)));

    static async Task WriteBodyAsync(NetworkStream stream, long bodyBytes, bool chunked, CancellationToken cancellationToken)
    {
        try
        {
            for (long sent = 0; sent < bodyBytes; sent += Piece.Length)
            {
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"{Piece.Length:X}\r\n"), cancellationToken);
                }

                await stream.WriteAsync(Piece, cancellationToken);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
                }
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The gateway answered and closed before the whole body: what a limit is for.
        }
    }

    static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException) when (buffer.Length > 0)
        {
            // A reset after the answer arrived (the gateway closed with our body unread): the answer stands.
        }

        return buffer.ToArray();
    }

    static Answer? Parse(byte[] received)
    {
        var text = Encoding.UTF8.GetString(received);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || text.Length < 12 || !int.TryParse(text.AsSpan(9, 3), out var status))
        {
            return null;
        }

        var bodyAt = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new Answer(status, bodyAt < 0 ? "" : text[(bodyAt + 4)..]);
    }

    static int HeadLength(byte[] bytes)
    {
        var at = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        return at < 0 ? bytes.Length : at + 4;
    }
}
