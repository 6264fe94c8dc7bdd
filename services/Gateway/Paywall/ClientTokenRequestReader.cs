using System.Text.Json;
using Payguru.Contracts.Paywall;

namespace Payguru.Gateway.Paywall;

/// <summary>
/// Reads the JSON body of <c>POST /client-tokens</c> into an <see cref="IssueClientToken"/>: a JSON
/// object with <c>clientCardSave</c> and <c>threeDSession</c> as JSON booleans and <c>expiryMin</c>
/// a whole number from 0 to 30. Every bad field is named (names match case-insensitively).
/// </summary>
public static class ClientTokenRequestReader
{
    /// <summary>The body is three small fields; one past this is refused unread.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    public const string BodyField = "body";

    public static async Task<ClientTokenRequestReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return ClientTokenRequestReadResult.Failure(BodyField, $"the body is larger than {MaxBodyBytes} bytes");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return ClientTokenRequestReadResult.Failure(BodyField, "the body is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ClientTokenRequestReadResult.Failure(BodyField, "the body must be a JSON object");
            }

            var fields = document.RootElement.EnumerateObject()
                .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
            var errors = new Dictionary<string, string[]>();
            var cardSave = Boolean(fields, "clientCardSave", "will the client use the token to save a card", errors);
            var threeD = Boolean(fields, "threeDSession", "will the client use the token for a 3D Secure payment", errors);
            var expiry = Expiry(fields, errors);
            return errors.Count > 0
                ? ClientTokenRequestReadResult.Failure(errors)
                : ClientTokenRequestReadResult.Success(new IssueClientToken(cardSave!.Value, threeD!.Value, expiry!.Value));
        }
    }

    static bool? Boolean(Dictionary<string, JsonElement> fields, string name, string question, Dictionary<string, string[]> errors)
    {
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[name] = [$"{name} is required: JSON true or false ({question}?)"];
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors[name] = [$"{name} must be JSON true or false"];
        return null;
    }

    static int? Expiry(Dictionary<string, JsonElement> fields, Dictionary<string, string[]> errors)
    {
        const string name = "expiryMin";
        var rule = $"a whole number of minutes from 0 to {IssueClientToken.MaxExpiryMin}";
        if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[name] = [$"{name} is required: {rule}"];
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var minutes) && minutes is >= 0 and <= IssueClientToken.MaxExpiryMin)
        {
            return minutes;
        }

        errors[name] = [$"{name} must be {rule}"];
        return null;
    }
}
