using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Payguru.Api.Wire.Http;

/// <summary>
/// Reads a Payguru call's parameters from the query string and, for a POST, from a form or a
/// JSON body (body values win). Any POST body that is not a form is read as JSON, whatever its
/// content type, as the provider's own samples read <c>php://input</c>. JSON objects are
/// flattened the way PHP names form fields: <c>{"contact": {"name": "x"}}</c> becomes <c>contact[name]</c>.
/// </summary>
public static class WireFieldsReader
{
    /// <summary>Provider calls are a few hundred bytes; a body past this is refused unread.</summary>
    public const int MaxJsonBodyBytes = 64 * 1024;

    public static async Task<WireFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            // Like PHP, the last of a repeated parameter wins.
            values[name] = value.Count > 0 ? value[^1] ?? "" : "";
        }

        if (HttpMethods.IsPost(request.Method))
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (name, value) in form)
                {
                    values[name] = value.Count > 0 ? value[^1] ?? "" : "";
                }
            }
            else
            {
                await ReadJsonAsync(request.Body, values, cancellationToken);
            }
        }

        return new WireFields(values);
    }

    /// <summary>As <see cref="ReadAsync"/>, or null when the body cannot be read (answered as ERR_007).</summary>
    public static async Task<WireFields?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(request, cancellationToken);
        }
        catch (WireFormatException)
        {
            return null;
        }
    }

    static async Task ReadJsonAsync(Stream body, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyBoundedAsync(body, buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return; // a POST with its fields in the query string only
        }

        buffer.Position = 0;
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(buffer, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new WireFormatException("malformed JSON body");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new WireFormatException("the JSON body must be an object");
            }

            Flatten(document.RootElement, prefix: null, values);
        }
    }

    static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix is null ? property.Name : $"{prefix}[{property.Name}]";
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name, values);
                    break;
                case JsonValueKind.String:
                    values[name] = property.Value.GetString()!;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    // The number's text as sent: 1.00 stays "1.00".
                    values[name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    values.Remove(name);
                    break;
                default:
                    throw new WireFormatException($"field '{name}' must be a string, a number or an object");
            }
        }
    }

    static async Task CopyBoundedAsync(Stream body, MemoryStream buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBodyBytes)
            {
                throw new WireFormatException("the body is too large");
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
