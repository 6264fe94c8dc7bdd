using System.Text.Json;

namespace Payguru.Provider.Wire.Http;

/// <summary>
/// Parses a body as one JSON object, or refuses it with a <see cref="WireFormatException"/>: invalid JSON or
/// UTF-8, a string escaping half a surrogate pair (<c>"\ud800"</c>, valid JSON that no .NET string can hold),
/// nesting past <see cref="MaxDepth"/>. Duplicate names are kept as sent; readers take the last, as PHP does.
/// </summary>
public static class JsonObjectBody
{
    /// <summary>The deepest the provider's or the API's bodies go is three; past this the body is refused, not walked.</summary>
    public const int MaxDepth = 16;

    public static JsonDocument Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw new WireFormatException("malformed JSON body");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new WireFormatException("the JSON body must be an object");
        }

        try
        {
            // Decodes every name and string once, so that readers never meet one that throws.
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            document.Dispose();
            throw new WireFormatException("malformed JSON body");
        }

        return document;
    }
}
