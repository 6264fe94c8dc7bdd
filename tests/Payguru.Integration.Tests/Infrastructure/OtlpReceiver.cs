using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// A stand-in OTLP/HTTP collector on a free loopback port: it takes every export POST (<c>/v1/traces</c>,
/// <c>/v1/metrics</c>), keeps its path, content type and body, and answers 200 with an empty
/// protobuf message, which is a successful export response. Protobuf keeps strings as UTF-8 bytes,
/// so names and attribute values can be found in a body without decoding it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly ConcurrentQueue<Export> _exports = new();
    readonly Task _serving;

    public OtlpReceiver()
    {
        Url = FreePort.NextHttpUrl();
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Url { get; }

    public IReadOnlyList<Export> Exports => _exports.ToList();

    /// <summary>Waits for an export to <paramref name="path"/> whose body holds every one of <paramref name="texts"/>.</summary>
    public Task<Export> WaitForExportAsync(string path, params string[] texts) =>
        WaitForExportAsync(path, export => texts.All(export.Contains), string.Join(", ", texts));

    /// <summary>Waits for an export to <paramref name="path"/> of spans of <paramref name="traceId"/> that holds every one of <paramref name="texts"/>.</summary>
    public Task<Export> WaitForTraceExportAsync(string path, ActivityTraceId traceId, params string[] texts)
    {
        // OTLP carries a trace id as its 16 bytes.
        var id = Convert.FromHexString(traceId.ToHexString());
        return WaitForExportAsync(path, export => export.Contains(id) && texts.All(export.Contains), $"trace {traceId}, {string.Join(", ", texts)}");
    }

    Task<Export> WaitForExportAsync(string path, Func<Export, bool> holds, string description) =>
        Poll.WaitUntilAsync(
            _ => Task.FromResult(_exports.FirstOrDefault(e => e.Path == path && holds(e))),
            export => export is not null,
            TimeSpan.FromSeconds(30),
            $"an OTLP export to {path} holding {description} (received: {string.Join(", ", _exports.Select(e => e.Path))})")!;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue(new Export(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>One export request as received.</summary>
    public sealed record Export(string Method, string Path, string? ContentType, byte[] Body)
    {
        public bool Contains(string text) => Contains(Encoding.UTF8.GetBytes(text));

        public bool Contains(byte[] bytes) => Body.AsSpan().IndexOf(bytes) >= 0;
    }
}
