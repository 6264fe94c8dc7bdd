using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Payguru.Provider.Signing;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// A real HTTP listener (Kestrel) standing in for the merchant: it receives <c>/PhsNotifyService</c>,
/// <c>/PhsRefundNotifyService</c> and <c>/TCKNVerifyService</c> in any of the three forms, checks each key with
/// <see cref="PayguruKeys"/> over the fields exactly as they travelled, records what came, and answers
/// <c>OK</c> to a genuine notification (<c>Wrong Data</c> otherwise) unless told to answer something else.
/// A genuine <c>verify</c> call is answered as the protocol says, from the TCKNs it was told of (<see cref="KnowIdentity"/>).
/// </summary>
public sealed class FakeMerchant : IAsyncDisposable
{
    public const string PaymentPath = "/PhsNotifyService";
    public const string RefundPath = "/PhsRefundNotifyService";
    public const string IdentityPath = "/TCKNVerifyService";

    readonly WebApplication app;
    readonly ConcurrentQueue<ReceivedCallback> received = new();
    readonly ConcurrentQueue<PlannedAnswer> planned = new();
    readonly ConcurrentDictionary<string, string> identities = new(StringComparer.Ordinal);

    FakeMerchant(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The merchant's base URL: the sandbox's <c>CallbackBaseUrl</c>.</summary>
    public string Url { get; }

    public IReadOnlyList<ReceivedCallback> Received => [.. received];

    public static async Task<FakeMerchant> StartAsync()
    {
        var url = FreePort.NextHttpUrl();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var merchant = new FakeMerchant(app, url);
        app.MapMethods(PaymentPath, [HttpMethods.Get, HttpMethods.Post], merchant.ReceiveAsync);
        app.MapMethods(RefundPath, [HttpMethods.Get, HttpMethods.Post], merchant.ReceiveAsync);
        app.MapMethods(IdentityPath, [HttpMethods.Get, HttpMethods.Post], merchant.ReceiveAsync);
        await app.StartAsync();
        return merchant;
    }

    /// <summary>The next <paramref name="count"/> notifications get this answer instead of the default.</summary>
    public void AnswerNext(int count, int status, string body, TimeSpan delay = default)
    {
        for (var i = 0; i < count; i++)
        {
            planned.Enqueue(new PlannedAnswer(status, body, delay));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> notifications match <paramref name="match"/>; returns them.</summary>
    public Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(Func<ReceivedCallback, bool> match, int count = 1, TimeSpan? timeout = null) =>
        Poll.WaitUntilAsync(
            _ => Task.FromResult<IReadOnlyList<ReceivedCallback>>(Received.Where(match).ToList()),
            found => found.Count >= count,
            timeout ?? RunningSandbox.Patience,
            $"{count} matching notification(s) at the merchant (received: {string.Join("; ", Received)})");

    /// <summary>A <c>verify</c> call about <paramref name="order"/> is answered with md5(<paramref name="tckn"/> + service key).</summary>
    public void KnowIdentity(string order, string tckn) => identities[order] = tckn;

    public void Reset()
    {
        received.Clear();
        planned.Clear();
        identities.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var (fields, jsonKinds) = await ReadFieldsAsync(request);
        var keyValid = request.Path == PaymentPath ? PaymentKeyValid(fields)
            : request.Path == RefundPath ? RefundKeyValid(fields)
            : IdentityKeyValid(fields);
        var answer = planned.TryDequeue(out var plan) ? plan
            : request.Path == IdentityPath && fields.GetValueOrDefault("notification_type") == "verify" ? VerifyAnswer(fields, keyValid)
            : new PlannedAnswer(200, keyValid ? "OK" : "Wrong Data");
        received.Enqueue(new ReceivedCallback(
            request.Path, request.Method, request.ContentType, fields, jsonKinds, keyValid, $"{answer.Status} {answer.Body}", DateTimeOffset.UtcNow));
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay);
        }

        return Results.Text(answer.Body, "text/plain", statusCode: answer.Status);
    }

    static bool PaymentKeyValid(IReadOnlyDictionary<string, string> f) =>
        Md5Key.Matches(
            PayguruKeys.PaymentNotify(Demo.Service, Demo.Merchant, Get(f, "txid"), Get(f, "code"), Get(f, "order"), Get(f, "amount")),
            f.GetValueOrDefault("key"));

    static bool RefundKeyValid(IReadOnlyDictionary<string, string> f) =>
        Md5Key.Matches(
            PayguruKeys.RefundNotify(
                Demo.Service, Demo.Merchant, Get(f, "refund_id"), Get(f, "code"), Get(f, "order"), Get(f, "amount"), Get(f, "bank_code")),
            f.GetValueOrDefault("key"));

    static bool IdentityKeyValid(IReadOnlyDictionary<string, string> f) =>
        Md5Key.Matches(PayguruKeys.TcknVerify(Demo.Service, Demo.Merchant, Get(f, "order")), f.GetValueOrDefault("key"));

    PlannedAnswer VerifyAnswer(IReadOnlyDictionary<string, string> fields, bool keyValid) =>
        keyValid && identities.TryGetValue(Get(fields, "order"), out var tckn)
            ? new PlannedAnswer(200, $$"""{"status":true,"tckn":"{{PayguruKeys.TcknAnswer(tckn, Demo.Service)}}"}""")
            : new PlannedAnswer(200, """{"status":false,"tckn":null}""");

    static string Get(IReadOnlyDictionary<string, string> fields, string name) => fields.GetValueOrDefault(name) ?? "";

    /// <summary>
    /// Query, form or JSON; a JSON number keeps its text (10.50 stays "10.50"), null stays out. For
    /// JSON, the kind of each value (String, Number) too.
    /// </summary>
    static async Task<(Dictionary<string, string> Fields, Dictionary<string, JsonValueKind> JsonKinds)> ReadFieldsAsync(HttpRequest request)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, JsonValueKind>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            fields[name] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (name, value) in await request.ReadFormAsync())
            {
                fields[name] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                kinds[property.Name] = property.Value.ValueKind;
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    fields[property.Name] = property.Value.GetString()!;
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    fields[property.Name] = property.Value.GetRawText();
                }
            }
        }

        return (fields, kinds);
    }
}
