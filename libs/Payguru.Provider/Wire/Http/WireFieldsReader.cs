using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Payguru.Provider.Wire.Http;

/// <summary>
/// Reads a Payguru call's parameters from the query string and, for a POST, from a form or a
/// JSON body (body values win). Any POST body that is not a form is read as JSON, whatever its
/// content type, as the provider's own samples read <c>php://input</c>. JSON objects are
/// flattened the way PHP names form fields: <c>{"contact": {"name": "x"}}</c> becomes <c>contact[name]</c>.
/// Like PHP, the last of a repeated parameter wins. The body is read through <see cref="BoundedBody"/>
/// and every field is held to <see cref="WireReadLimits"/>; a call that breaks them, or whose names or
/// values hold control characters, is refused with a <see cref="WireFormatException"/>.
/// </summary>
public static class WireFieldsReader
{
    public static Task<WireFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, WireReadLimits.Default, cancellationToken);

    public static async Task<WireFields> ReadAsync(HttpRequest request, WireReadLimits limits, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            values[name] = value.Count > 0 ? value[^1] ?? "" : "";
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

    /// <summary>As <see cref="ReadAsync(HttpRequest, CancellationToken)"/>, or null when the call cannot be read (answered as ERR_007).</summary>
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

    /// <summary>
    /// The form parsed from the body already read, with the limits as the form reader's own: it throws
    /// <see cref="InvalidDataException"/> on a NUL, a limit or broken multipart, and <see cref="IOException"/>
    /// on multipart cut short; neither message is repeated.
    /// </summary>
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
            values[name] = value.Count > 0 ? value[^1] ?? "" : "";
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

    /// <summary>The same limits for a query, a form and a JSON object, so no form is a way around them.</summary>
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

    /// <summary>Tabs and line breaks pass (free text may hold them); NUL and other control characters do not.</summary>
    static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A field's name as a refusal may repeat it: only when it is short and printable.</summary>
    static string Describe(string name) =>
        name.Length <= 64 && !HasControlCharacter(name) && !name.Contains('\n') && !name.Contains('\r') ? $"field '{name}'" : "a field";
}
