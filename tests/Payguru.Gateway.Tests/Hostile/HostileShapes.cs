using System.Text;
using CsCheck;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>
/// Generators of requests no genuine caller sends, to every public door: random bytes, broken percent-encoding,
/// NUL and control characters, invalid UTF-8, duplicate keys, nesting thousands deep, numbers out of range,
/// broken multipart, wrong content types, in the query and in the body.
/// </summary>
public static class HostileShapes
{
    /// <summary>The doors, with the API key where one is needed (so the body is read, not refused at the door).</summary>
    public static readonly (string Path, bool NeedsApiKey)[] Doors =
    [
        (PaymentNotifications.Path, false),
        (RefundNotifications.Path, false),
        (IdentityCalls.Path, false),
        (RefundRequests.Path, true),
        ("/client-tokens", true),
        ("/health/live", false),
        ("/health/ready", false),
    ];

    static readonly string[] Methods = ["GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    static readonly string[] ContentTypes =
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=latin1",
        "multipart/form-data; boundary=XyZ",
        "multipart/form-data",
        "application/json",
        "application/json; charset=utf-16",
        "text/plain",
        "application/octet-stream",
        "application/xml",
        ";;;",
        "",
    ];

    /// <summary>Pieces a hostile form or query is made of.</summary>
    static readonly string[] FormPieces =
    [
        "txid=1%00", "%00=1", "a=%", "a=%z", "a=%zz", "a=%C3", "a=%C3%28", "a=%FF%FE", "%E2%82=1", "&", "=", "==", "&&=&",
        "key=", "key=%0d%0a", "order=%1b[2J", "notification_type=verify", "notification_type=%00", "txid=1&txid=2",
        "amount=1e400", "amount=-0", "amount=99999999999999999999999999999", "txid=-1", "txid=18446744073709551616",
        "a[b]=1", "a[=1", "a]]=1", "+", "%2B", "%u0041=1",
    ];

    /// <summary>JSON bodies valid and not, deep and odd.</summary>
    static readonly string[] JsonPieces =
    [
        "{", "}", "[]", "null", "\"text\"", "1", "{\"a\":1,\"a\":2}", "{\"txid\":1e400}", "{\"amount\":1e400}", "{\"amount\":-1e-400}",
        "{\"refundRequestId\":\"not-a-guid\"}", "{\"amount\":\"10.50\"}", "{\"amount\":79228162514264337593543950336}",
        "{\"expiryMin\":2147483648}", "{\"clientCardSave\":\"true\"}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":[1,2]}",
        "{\"a\":{\"b\":[{}]}}", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "\uFEFF{}", "{\"order\":null}", "{\"txid\":true}",
        "{\"key\":\"0123456789abcdef0123456789abcdef\",\"order\":\"ORDER-1001\",\"notification_type\":\"verify\"}",
    ];

    static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 300];

    static readonly Gen<byte[]> FormText =
        Gen.OneOf(FormPieces).Array[0, 12].Select(pieces => Encoding.UTF8.GetBytes(string.Join("&", pieces)));

    static readonly Gen<byte[]> JsonText = Gen.OneOf(JsonPieces).Select(Encoding.UTF8.GetBytes);

    /// <summary>Objects or arrays nested up to thousands deep, closed or not.</summary>
    static readonly Gen<byte[]> DeepJson =
        from depth in Gen.Int[10, 5000]
        from array in Gen.Bool
        from closed in Gen.Bool
        select Encoding.UTF8.GetBytes(array
            ? new string('[', depth) + (closed ? new string(']', depth) : "")
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + (closed ? new string('}', depth) : ""));

    /// <summary>Multipart that is cut short, has no boundary, a wrong one, or a NUL in a value.</summary>
    static readonly Gen<byte[]> BrokenMultipart = Gen.OneOf(
        "--XyZ\r\nContent-Disposition: form-data; name=\"txid\"\r\n\r\n1",
        "--XyZ\r\nContent-Disposition: form-data; name=\"txid\"\r\n\r\n1\0\r\n--XyZ--\r\n",
        "--XyZ\r\n\r\n\r\n--XyZ--",
        "--Other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--Other--\r\n",
        "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n\0\0\0",
        "--XyZ--",
        "garbage").Select(Encoding.UTF8.GetBytes);

    /// <summary>Invalid UTF-8 sequences inside otherwise plausible fields.</summary>
    static readonly Gen<byte[]> InvalidUtf8 =
        from prefix in Gen.OneOf("txid=", "{\"order\":\"", "order=")
        from bad in Gen.OneOf<byte[]>([0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82])
        select Encoding.UTF8.GetBytes(prefix).Concat(bad).Concat(Encoding.UTF8.GetBytes(prefix.StartsWith('{') ? "\"}" : "")).ToArray();

    static readonly Gen<byte[]> Bodies = Gen.OneOf(RandomBytes, FormText, JsonText, DeepJson, BrokenMultipart, InvalidUtf8);

    /// <summary>A query string: none, hostile pieces, or percent-encoded random bytes.</summary>
    static readonly Gen<string> Queries = Gen.OneOf(
        Gen.Const(""),
        Gen.OneOf(FormPieces).Array[1, 10].Select(pieces => "?" + string.Join("&", pieces)),
        Gen.Byte.Array[1, 60].Select(bytes => "?a=" + string.Concat(bytes.Select(b => $"%{b:X2}"))));

    public static readonly Gen<HostileRequest> Requests =
        from door in Gen.OneOf(Doors)
        from method in Gen.OneOf(Methods)
        from query in Queries
        from contentType in Gen.OneOf(ContentTypes)
        from body in Bodies
        from duplicateHeader in Gen.Bool
        select new HostileRequest(door.Path, door.NeedsApiKey, method, query, contentType, body, duplicateHeader);

    /// <summary>One generated request; <see cref="ToString"/> is what a shrunk failure prints, to be kept as a regression test.</summary>
    public sealed record HostileRequest(string Path, bool NeedsApiKey, string Method, string Query, string ContentType, byte[] Body, bool DuplicateContentType)
    {
        public HttpRequestMessage ToMessage()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path + Query);
            if (NeedsApiKey)
            {
                request.Headers.Add("X-Api-Key", GatewayFactory.ApiKey);
            }

            if (Method is not ("GET" or "HEAD"))
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType.Length > 0)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                    if (DuplicateContentType)
                    {
                        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                    }
                }
            }

            return request;
        }

        public override string ToString() =>
            $"{Method} {Path}{Query} [{ContentType}{(DuplicateContentType ? " + application/json" : "")}] body ({Body.Length} bytes): " +
            Convert.ToBase64String(Body.Length > 200 ? Body[..200] : Body);
    }
}
