using System.Text.Json;
using Payguru.Provider.Wire.Http;

namespace Payguru.Sandbox.Paywall;

/// <summary>
/// A Paywall request body, checked field by field before it is bound, so that an error names the
/// field. Names match case-insensitively, as an ASP.NET service binds them.
/// </summary>
public sealed class PaywallBody
{
    static readonly JsonSerializerOptions BindOptions = new() { PropertyNameCaseInsensitive = true };

    readonly JsonElement root;
    readonly Dictionary<string, JsonElement> fields;

    PaywallBody(JsonElement root)
    {
        this.root = root;
        fields = Fields(root);
    }

    /// <summary>The body, or null with the reason when it is not a JSON object (or past the sandbox's body limit).</summary>
    public static async Task<(PaywallBody? Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await BoundedBody.ReadAsync(request, WireReadLimits.Default.MaxBodyBytes, cancellationToken);
        }
        catch (WireFormatException exception)
        {
            return (null, exception.Message);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = JsonObjectBody.MaxDepth });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (new PaywallBody(document.RootElement.Clone()), null)
                : (null, "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }
    }

    public T Bind<T>() => root.Deserialize<T>(BindOptions)!;

    public string? RequireBool(string name) => RequireBool(fields, name, name);

    public string? RequireInt(string name, int min = int.MinValue, int max = int.MaxValue) => RequireInt(fields, name, name, min, max);

    public string? RequireString(string name) => RequireString(fields, name, name);

    public string? OptionalString(string name) =>
        !fields.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.String or JsonValueKind.Null
            ? null
            : $"{name} must be a string.";

    /// <summary>The string field's value when present.</summary>
    public string? StringValue(string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Checks each item of an optional array of objects with <paramref name="check"/> (item fields, path).</summary>
    public string? OptionalObjects(string name, Func<Dictionary<string, JsonElement>, string, string?> check)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"{name} must be an array.";
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{name}[{index++}]";
            var error = item.ValueKind == JsonValueKind.Object ? check(Fields(item), path) : $"{path} must be an object.";
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Checks an optional object with <paramref name="check"/> (its fields, path).</summary>
    public string? OptionalObject(string name, Func<Dictionary<string, JsonElement>, string, string?> check)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? check(Fields(value), name) : $"{name} must be an object.";
    }

    public static string? RequireBool(Dictionary<string, JsonElement> fields, string name, string path) =>
        !fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? $"{path} is required."
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null
        : $"{path} must be true or false.";

    public static string? RequireInt(Dictionary<string, JsonElement> fields, string name, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return $"{path} is required.";
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            return $"{path} must be a whole number.";
        }

        return number < min || number > max ? $"{path} must be between {min} and {max}." : null;
    }

    public static string? RequireString(Dictionary<string, JsonElement> fields, string name, string path) =>
        !fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null ? $"{path} is required."
        : value.ValueKind != JsonValueKind.String ? $"{path} must be a string."
        : string.IsNullOrWhiteSpace(value.GetString()) ? $"{path} must not be empty."
        : null;

    static Dictionary<string, JsonElement> Fields(JsonElement element)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        return fields;
    }
}
