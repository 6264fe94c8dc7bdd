using System.Text;
using Payguru.Provider.Signing;

namespace Payguru.Bench.Fuzz;

/// <summary>
/// Every kind of probe the fuzz run sends, each built from a seeded random source: genuine payment and refund
/// notifications (signed with the Development settings' demo keys; some repeated), and the hostile kinds of
/// issue #13 at every public door.
/// </summary>
public sealed class Probes(Random random, string apiKey)
{
    static readonly MerchantSecret Merchant = new("123", "mk-secret");
    static readonly ServiceSecret Service = new("DEMO", "sk-secret");
    static readonly string[] CallbackPaths = ["/PhsNotifyService", "/PhsRefundNotifyService", "/TCKNVerifyService"];

    long _txid = 7_000_000 + random.Next(1_000_000) * 100L;
    Probe? _lastGenuine;

    /// <summary>The kinds and how often each is drawn (genuine callbacks are about a tenth).</summary>
    public (string Kind, int Weight, Func<Probe> Make)[] Kinds =>
    [
        ("genuine-payment", 6, GenuinePayment),
        ("genuine-refund", 3, GenuineRefund),
        ("genuine-repeat", 2, () => _lastGenuine is { } last ? last with { Kind = "genuine-repeat" } : GenuinePayment()),
        ("forged-signed-field", 8, Forged),
        ("nul-in-form", 4, () => Post(Callback(), "application/x-www-form-urlencoded", "txid=1%00&order=x")),
        ("broken-multipart", 4, () => Post(Callback(), "multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"txid\"\r\n\r\n1")),
        ("multipart-no-boundary", 2, () => Post(Callback(), "multipart/form-data", "--XyZ--")),
        ("bad-percent-encoding", 4, () => Get(Callback() + "?" + Pick("txid=%zz", "a=%", "order=%C3%28", "%E2%82=1", "key=%u0041") + "&order=o")),
        ("control-chars", 4, () => Get(Callback() + "?txid=1&order=" + Pick("%00", "%1b%5b2J", "%07", "%7f", "a%0d%0aSet-Cookie:%20x"))),
        ("invalid-utf8", 4, () => Post(Callback(), Pick("application/x-www-form-urlencoded", "application/json"), Bytes("order=", [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80]))),
        ("duplicate-keys", 4, DuplicateKeys),
        ("deep-json", 3, () => Post(Callback(), "application/json", string.Concat(Enumerable.Repeat("{\"a\":", random.Next(100, 5000))) + "1")),
        ("number-out-of-range", 4, () => Post(Door(), "application/json", Pick("{\"txid\":1e400,\"amount\":1e400}", "{\"amount\":79228162514264337593543950336}", "{\"expiryMin\":2147483648,\"clientCardSave\":true,\"threeDSession\":true}", "{\"txid\":-99999999999999999999}"))),
        ("wrong-content-type", 4, () => Post(Door(), Pick("application/xml", "text/plain", "image/png", ";;;", "application/json; charset=utf-32"), RandomBytes(200))),
        ("random-body", 4, () => Post(Door(), Pick("application/json", "application/x-www-form-urlencoded", "application/octet-stream"), RandomBytes(random.Next(1, 2000)))),
        ("chunked-oversize", 2, ChunkedOversize),
        ("content-length-oversize", 2, () => Raw($"POST {Door()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{ApiKeyHeader()}Content-Type: application/json\r\nContent-Length: 8388608\r\n\r\n{{}}", BodyMode.Whole)),
        ("cut-short", 2, () => Post(Door(), "application/json", "{\"order\":\"" + new string('x', 400) + "\"}") with { Mode = BodyMode.CutShort }),
        ("slow-body", 1, () => Post(Door(), "application/json", new string(' ', 5000)) with { Mode = BodyMode.Slow }),
        ("garbage-request", 3, () => new Probe("garbage-request", false, RandomBytes(random.Next(1, 300)).Append((byte)'\n').ToArray())),
        ("huge-header", 1, () => Raw($"GET /PhsNotifyService HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: {new string('a', 40 * 1024)}\r\n\r\n")),
        ("long-request-line", 1, () => Get("/PhsNotifyService?a=" + new string('b', 10 * 1024))),
        ("api-random-json", 4, () => Post(Pick("/refunds", "/client-tokens"), "application/json", Pick("{}", "[]", "{\"refundRequestId\":\"x\"}", "{\"amount\":\"10\"}", "{\"clientCardSave\":1}", "{\"order\":\"\\ud800\"}"))),
        ("api-without-key", 2, () => Raw($"POST /refunds HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{{}}")),
        ("refund-bad-id", 2, () => Get("/refunds/" + Pick("x", "not-a-guid", "%00", "..%2f..%2fetc", "1' OR '1'='1"))),
        ("health", 2, () => Get(Pick("/health/live", "/health/ready") + "?x=%00") with { IsHealth = true }),
    ];

    Probe GenuinePayment()
    {
        var txid = (++_txid).ToString();
        var order = $"FUZZ-{txid}";
        var key = PayguruKeys.PaymentNotify(Service, Merchant, txid, "PG-FUZZ", order, "10.50");
        var probe = Get($"/PhsNotifyService?txid={txid}&code=PG-FUZZ&order={order}&status=3&amount=10.50&transaction_date=2018-01-18%2013:48:39&bank=ziraatbank&key={key}")
            with { Kind = "genuine-payment", Genuine = true };
        _lastGenuine = probe;
        return probe;
    }

    Probe GenuineRefund()
    {
        var refundId = (++_txid).ToString();
        var key = PayguruKeys.RefundNotify(Service, Merchant, refundId, "PG-FUZZ", "FUZZ-R", "0.50", "ziraatbank");
        var form = $"refund_id={refundId}&code=PG-FUZZ&order=FUZZ-R&status=3&amount=0.50&refund_contact=A%20B&refund_iban=TR800011100000000036888459" +
            $"&refund_date=2018-01-19%2010:15:00&create_time=2018-01-18%2013:48:39&bank_no=10&bank_id=10&bank_name=Ziraat&bank_code=ziraatbank&bank_receipt_no=D1&key={key}";
        var probe = Post("/PhsRefundNotifyService", "application/x-www-form-urlencoded", form) with { Kind = "genuine-refund", Genuine = true };
        _lastGenuine = probe;
        return probe;
    }

    /// <summary>A genuine payment notification with one signed field or the key changed.</summary>
    Probe Forged()
    {
        var txid = (++_txid).ToString();
        var fields = new Dictionary<string, string> { ["txid"] = txid, ["code"] = "PG-FUZZ", ["order"] = $"FUZZ-{txid}", ["amount"] = "10.50" };
        var key = PayguruKeys.PaymentNotify(Service, Merchant, fields["txid"], fields["code"], fields["order"], fields["amount"]);
        fields["key"] = key;
        var field = Pick("txid", "code", "order", "amount", "key");
        fields[field] = field == "key"
            ? key[..^1] + (key[^1] == '0' ? '1' : '0')
            : fields[field] + Pick("1", " ", "x", "0");
        return Get("/PhsNotifyService?" + string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) +
            "&status=3&transaction_date=2018-01-18%2013:48:39&bank=b") with { Kind = "forged-signed-field" };
    }

    /// <summary>A genuine notification whose signed field is repeated with another value last (PHP's rule: the last wins).</summary>
    Probe DuplicateKeys()
    {
        var txid = (++_txid).ToString();
        var key = PayguruKeys.PaymentNotify(Service, Merchant, txid, "PG-FUZZ", $"FUZZ-{txid}", "10.50");
        return random.Next(2) == 0
            ? Get($"/PhsNotifyService?txid={txid}&code=PG-FUZZ&order=FUZZ-{txid}&status=3&amount=10.50&amount=99.00&transaction_date=2018-01-18%2013:48:39&bank=b&key={key}")
            : Post("/PhsNotifyService", "application/json",
                $"{{\"txid\":\"{txid}\",\"code\":\"PG-FUZZ\",\"order\":\"FUZZ-{txid}\",\"order\":\"OTHER\",\"status\":\"3\",\"amount\":\"10.50\",\"transaction_date\":\"2018-01-18 13:48:39\",\"bank\":\"b\",\"key\":\"{key}\"}}");
    }

    Probe ChunkedOversize()
    {
        var head = $"POST {Door()} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{ApiKeyHeader()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        var chunk = new string('a', 16 * 1024);
        var body = string.Concat(Enumerable.Repeat($"{chunk.Length:X}\r\n{chunk}\r\n", 12)) + "0\r\n\r\n";
        return Raw(head + body);
    }

    string Callback() => CallbackPaths[random.Next(CallbackPaths.Length)];

    string Door() => Pick("/PhsNotifyService", "/PhsRefundNotifyService", "/TCKNVerifyService", "/refunds", "/client-tokens");

    string ApiKeyHeader() => $"X-Api-Key: {apiKey}\r\n";

    string Pick(params string[] choices) => choices[random.Next(choices.Length)];

    byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    static byte[] Bytes(string prefix, byte[] tail) => Encoding.UTF8.GetBytes(prefix).Concat(tail).ToArray();

    Probe Get(string pathAndQuery) =>
        Raw($"GET {pathAndQuery} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{(pathAndQuery.StartsWith("/refunds", StringComparison.Ordinal) ? ApiKeyHeader() : "")}\r\n");

    Probe Post(string path, string contentType, string body) => Post(path, contentType, Encoding.UTF8.GetBytes(body));

    Probe Post(string path, string contentType, byte[] body)
    {
        var head = $"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{ApiKeyHeader()}Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n";
        return new Probe("", false, Encoding.ASCII.GetBytes(head).Concat(body).ToArray());
    }

    static Probe Raw(string text, BodyMode mode = BodyMode.Whole) => new("", false, Encoding.UTF8.GetBytes(text), mode);
}
