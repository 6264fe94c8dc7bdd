using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payguru.Provider.Signing;
using Payguru.Contracts.Identity;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Identity;

/// <summary>
/// The processor on the in-memory harness with two Payguru services (DEMO and OTHER), every log line captured,
/// and what the identity tests look at: the stored hashes, the database files' bytes, the published messages.
/// </summary>
public static class IdentityHarness
{
    /// <summary>docs/protocol.md §7: a valid TCKN and md5(TCKN + "sk-secret").</summary>
    public const string Tckn = "10000000146";

    public const string DemoAnswer = "83fcc8be5da2c8bf544b52a5c9c0961b";

    /// <summary>Another valid TCKN (worked out by hand: check digits 5 and 0).</summary>
    public const string OtherTckn = "12345678950";

    public const string OtherService = "OTHER";

    public const string OtherServiceKey = "other-key";

    public static readonly ServiceSecret Other = new(OtherService, OtherServiceKey);

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Payguru:MerchantId"] = Demo.MerchantId,
        ["Payguru:MerchantKey"] = Demo.MerchantKey,
        ["Payguru:Services:0:Code"] = Demo.ServiceCode,
        ["Payguru:Services:0:Key"] = Demo.ServiceKey,
        ["Payguru:Services:1:Code"] = OtherService,
        ["Payguru:Services:1:Key"] = OtherServiceKey,
    };

    public static Task<ProcessorHarness> StartAsync(CapturedLogs logs, string? beforeStart = null) =>
        ProcessorHarness.StartAsync(beforeStart: beforeStart, settings: Settings(), configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Trace);
        });

    /// <summary>Publishes the command under a new message id and waits until its handling finished without a fault.</summary>
    public static async Task<Guid> RegisterAsync(this ProcessorHarness processor, string order, string tckn)
    {
        var messageId = await processor.PublishAsync(new RegisterOrderIdentity(order, tckn));
        var finished = Assert.Single(await processor.FinishedAsync(messageId));
        Assert.False(finished.Faulted, $"RegisterOrderIdentity {messageId} faulted: {finished.Exception}");
        return messageId;
    }

    /// <summary>The stored (service code, hash) rows of <paramref name="order"/>, by service code.</summary>
    public static Task<IReadOnlyList<(string ServiceCode, string TcknHash)>> HashesAsync(this ProcessorHarness processor, string order) =>
        processor.QueryAsync<(string, string)>(
            "SELECT service_code, tckn_hash FROM order_identities WHERE order_ref = @Order ORDER BY service_code;", new { Order = order });

    /// <summary>Every byte of the SQLite database, its write-ahead log and its shared memory, as the files hold them now.</summary>
    public static byte[] DatabaseBytes(this ProcessorHarness processor)
    {
        var connectionString = processor.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            // Shared read: the processor keeps the files open.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    /// <summary>True when <paramref name="text"/> appears in <paramref name="bytes"/> as UTF-8 or UTF-16.</summary>
    public static bool Holds(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    /// <summary>Every message published so far but the test's own commands (which carry the TCKN by design), as JSON.</summary>
    public static string PublishedJson(this ProcessorHarness processor) =>
        string.Join('\n', processor.Publishes.Of<object>()
            .Where(p => p.Message is not RegisterOrderIdentity)
            .Select(p => JsonSerializer.Serialize(p.Message, p.Message.GetType())));
}
