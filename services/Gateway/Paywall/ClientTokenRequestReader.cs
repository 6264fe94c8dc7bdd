using System.Text.Json;
using Payguru.Contracts.Paywall;
using Payguru.Gateway.Requests;

namespace Payguru.Gateway.Paywall;

/// <summary>
/// Reads the JSON body of <c>POST /client-tokens</c> into an <see cref="IssueClientToken"/>: a JSON
/// object with <c>clientCardSave</c> and <c>threeDSession</c> as JSON booleans and <c>expiryMin</c>
/// a whole number from 0 to 30. Every bad field is named (names match case-insensitively).
/// </summary>
public static class ClientTokenRequestReader
{
    public static Task<ReadResult<IssueClientToken>> ReadAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken) =>
        JsonRequestBody.ReadAsync(request, maxBodyBytes, Read, cancellationToken);

    static ReadResult<IssueClientToken> Read(JsonElement root)
    {
        var fields = root.EnumerateObject()
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase);
        var errors = new Dictionary<string, string[]>();
        var cardSave = Boolean(fields, "clientCardSave", "will the client use the token to save a card", errors);
        var threeD = Boolean(fields, "threeDSession", "will the client use the token for a 3D Secure payment", errors);
        var expiry = Expiry(fields, errors);
        return errors.Count > 0
            ? ReadResult<IssueClientToken>.Failure(errors)
            : ReadResult<IssueClientToken>.Success(new IssueClientToken(cardSave!.Value, threeD!.Value, expiry!.Value));
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
