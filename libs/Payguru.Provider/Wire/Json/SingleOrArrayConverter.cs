using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Json;

/// <summary>For a provider whose document and sample disagree on which it sends; one item is written as an object.</summary>
public sealed class SingleOrArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [];
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var item = JsonSerializer.Deserialize<T>(ref reader, options);
            return item is null ? [] : [item];
        }

        throw new JsonException($"Expected an object or an array, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Count == 1 ? (object?)value[0] : value.ToList(), options);
}
