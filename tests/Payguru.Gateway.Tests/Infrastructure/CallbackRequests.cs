using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>Payguru callbacks as Payguru sends them: a GET query, a POST form or a POST JSON object.</summary>
public static class CallbackRequests
{
    /// <summary>
    /// A request to <paramref name="path"/> carrying <paramref name="fields"/>: a GET with a UTF-8 URL-encoded
    /// query, a POST form, or a POST JSON object whose <paramref name="jsonNumbers"/> are written as JSON numbers (raw, as given).
    /// </summary>
    public static HttpRequestMessage Request(
        string path, NotificationForm form, IReadOnlyDictionary<string, string> fields, IReadOnlyCollection<string> jsonNumbers)
    {
        return form switch
        {
            NotificationForm.Query => new HttpRequestMessage(HttpMethod.Get, $"{path}?{QueryString(fields)}"),
            NotificationForm.Form => new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) },
            NotificationForm.Json => JsonRequest(path, JsonBody(fields, jsonNumbers)),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
    }

    public static HttpRequestMessage JsonRequest(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string QueryString(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    /// <summary>A JSON object of the fields; non-ASCII text is written as UTF-8, not as \u escapes, unless <paramref name="escapeNonAscii"/>.</summary>
    public static string JsonBody(IReadOnlyDictionary<string, string> fields, IReadOnlyCollection<string> jsonNumbers, bool escapeNonAscii = false)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = escapeNonAscii ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (jsonNumbers.Contains(name))
                {
                    writer.WritePropertyName(name);
                    writer.WriteRawValue(value);
                }
                else
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every callback form with every one of <paramref name="fields"/>: the cases of a theory over both.</summary>
    public static TheoryData<NotificationForm, string> EveryFormAnd(IEnumerable<string> fields)
    {
        var data = new TheoryData<NotificationForm, string>();
        foreach (var form in Enum.GetValues<NotificationForm>())
        {
            foreach (var field in fields)
            {
                data.Add(form, field);
            }
        }

        return data;
    }
}
