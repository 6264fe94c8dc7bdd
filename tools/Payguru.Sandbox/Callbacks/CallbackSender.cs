using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Callbacks;

/// <summary>One delivery of a notification to the merchant, in the configured form.</summary>
public sealed class CallbackSender(IHttpClientFactory clients)
{
    public const string ClientName = "merchant";

    // Sent as JSON numbers (their exact text) when the form is JSON, as Payguru's table types them.
    static readonly HashSet<string> NumericFields = new(StringComparer.Ordinal)
    {
        "txid", "status", "amount", "refund_id", "bank_no", "bank_id",
    };

    public async Task<CallbackAnswer> SendAsync(Callback callback, CallbackForm form, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var request = Build(callback, form);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return new CallbackAnswer((int)response.StatusCode, body, response.Content.Headers.ContentType?.ToString(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CallbackAnswer.NoAnswer($"timeout after {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException exception)
        {
            return CallbackAnswer.NoAnswer(exception.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection refused",
                HttpRequestError.ResponseEnded => "connection closed",
                _ => exception.HttpRequestError.ToString(),
            });
        }
    }

    static HttpRequestMessage Build(Callback callback, CallbackForm form) => form switch
    {
        CallbackForm.Form => new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new FormUrlEncodedContent(callback.Fields) },
        CallbackForm.Json => new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = JsonContent(callback.Fields) },
        _ => new HttpRequestMessage(HttpMethod.Get, new Uri(callback.Url + QueryString.Create(callback.Fields!).ToUriComponent())),
    };

    static ByteArrayContent JsonContent(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (NumericFields.Contains(name))
                {
                    writer.WritePropertyName(name);
                    if (value.Length == 0)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        // The text as it is signed: 10.50 stays 10.50, not 10.5.
                        writer.WriteRawValue(value);
                    }
                }
                else
                {
                    writer.WriteString(name, value);
                }
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }
}
