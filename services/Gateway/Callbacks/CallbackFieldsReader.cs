using System.Text.Json;

namespace Payguru.Gateway.Callbacks;

/// <summary>
/// Reads a callback's fields from a GET query, a POST form or a POST JSON body, keeping each
/// value's wire text: a JSON number 10.50 stays "10.50", never re-formatted.
/// </summary>
public static class CallbackFieldsReader
{
    public static async Task<CallbackFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Query)
        {
            values[name] = value.ToString();
        }

        if (HttpMethods.IsPost(request.Method))
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                foreach (var (name, value) in form)
                {
                    values[name] = value.ToString();
                }
            }
            else if (request.HasJsonContentType())
            {
                await ReadJsonAsync(request.Body, values, cancellationToken);
            }
            else if (request.ContentLength is > 0)
            {
                throw new CallbackFormatException("unsupported content type: send a query string, a form or JSON");
            }
        }

        return new CallbackFields(values);
    }

    static async Task ReadJsonAsync(Stream body, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new CallbackFormatException("malformed JSON body");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CallbackFormatException("the JSON body must be an object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[property.Name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        values[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.Null:
                        values.Remove(property.Name);
                        break;
                    default:
                        throw new CallbackFormatException($"field '{property.Name}' must be a string or a number");
                }
            }
        }
    }
}
