using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Payguru.Provider.Wire.Http;

/// <summary>
/// A Payguru call's parameters from the query string and, for a POST, a form or JSON body (body values win). Any
/// POST body that is not a form is JSON, whatever its content type, as the provider's samples read <c>php://input</c>;
/// objects are flattened as PHP names form fields (<c>contact[name]</c>), and the last of a repeated parameter wins.
/// </summary>
public static class WireFieldsReader
{
    public static async Task<WireFields> ReadAsync(HttpRequest request, WireReadLimits limits, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = Last(value);
        }

        if (HttpMethods.IsPost(request.Method))
        {
            var body = await BoundedBody.ReadAsync(request, limits.MaxBodyBytes, cancellationToken);
            if (request.HasFormContentType)
            {
                await ReadFormAsync(request, body, limits, values, cancellationToken);
            }
            else if (body.Length > 0)
            {
                // An empty body is a POST with its fields in the query string only.
                using var document = JsonObjectBody.Parse(body);
                Flatten(document.RootElement, prefix: null, values);
            }
        }

        Check(values, limits);
        return new WireFields(values);
    }

    /// <summary>Within <see cref="WireReadLimits.Default"/>, or null when the call cannot be read (answered as ERR_007).</summary>
    public static async Task<WireFields?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(request, WireReadLimits.Default, cancellationToken);
        }
        catch (WireFormatException)
        {
            return null;
        }
    }

    // The form reader throws InvalidDataException on a NUL, a limit or broken multipart, and IOException on
    // multipart cut short; neither message is repeated.
    static async Task ReadFormAsync(
        HttpRequest request, byte[] body, WireReadLimits limits, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        request.Body = new MemoryStream(body, writable: false);
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = limits.MaxFields,
            KeyLengthLimit = limits.MaxNameLength,
            ValueLengthLimit = limits.MaxValueLength,
            MultipartBodyLengthLimit = limits.MaxBodyBytes,
        }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new WireFormatException("malformed form body: invalid characters, broken multipart or past the field limits");
        }

        foreach (var (name, value) in form)
        {
            values[name] = Last(value);
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
                    throw new WireFormatException($"{Describe(name)} must be a string, a number or an object");
            }
        }
    }

    // The same limits for a query, a form and a JSON object, so no form is a way around them.
    static void Check(Dictionary<string, string> values, WireReadLimits limits)
    {
        if (values.Count > limits.MaxFields)
        {
            throw new WireFormatException($"too many fields: at most {limits.MaxFields}");
        }

        foreach (var (name, value) in values)
        {
            if (name.Length > limits.MaxNameLength || value.Length > limits.MaxValueLength)
            {
                throw new WireFormatException($"a field name or value is too long: at most {limits.MaxNameLength} and {limits.MaxValueLength} characters");
            }

            if (HasControlCharacter(name) || HasControlCharacter(value))
            {
                throw new WireFormatException($"{Describe(name)} holds a control character");
            }
        }
    }

    // Tabs and line breaks pass (free text may hold them); NUL and other control characters do not.
    static bool HasControlCharacter(string text) => text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    static string Last(StringValues value) => value.Count > 0 ? value[^1] ?? "" : "";

    // A refusal repeats a field's name only when it is short and printable.
    static string Describe(string name) =>
        name.Length <= 64 && !HasControlCharacter(name) && !name.Contains('\n') && !name.Contains('\r') ? $"field '{name}'" : "a field";
}
