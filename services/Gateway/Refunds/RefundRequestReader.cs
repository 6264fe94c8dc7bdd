using System.Text.Json;
using System.Text.Json.Serialization;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Requests;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// Reads the JSON body of <c>POST /refunds</c> into a <see cref="RequestRefund"/>: the body a JSON
/// object, every required field present with its JSON type (the amount a JSON number, not a
/// string), and the values valid by <see cref="RefundRequestRules"/>. Problems are named by field
/// and never repeat the value: a body carries an IBAN and a name.
/// </summary>
public static class RefundRequestReader
{
    const string BodyField = ReadResult<RequestRefund>.BodyField;

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // The amount is a JSON number: "10.50" as a string is refused, not guessed at.
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The body's fields by their JSON names, each with what it must be.</summary>
    static readonly Dictionary<string, string> FieldTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["refundRequestId"] = "a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
        ["order"] = "a JSON string",
        ["payguruCode"] = "a JSON string",
        ["serviceCode"] = "a JSON string",
        ["amount"] = "a JSON number such as 10.50",
        ["contactName"] = "a JSON string",
        ["iban"] = "a JSON string",
        ["reason"] = "a JSON string",
    };

    public static Task<ReadResult<RequestRefund>> ReadAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken) =>
        JsonRequestBody.ReadAsync(request, maxBodyBytes, Read, cancellationToken);

    static ReadResult<RequestRefund> Read(JsonElement root)
    {
        RefundRequestBody body;
        try
        {
            body = root.Deserialize<RefundRequestBody>(JsonOptions)!;
        }
        catch (JsonException exception)
        {
            // The path names the field ("$.amount"); the exception's message is not repeated.
            return FieldOf(exception.Path) is { } field
                ? ReadResult<RequestRefund>.Failure(field, $"{field} must be {FieldTypes[field]}")
                : ReadResult<RequestRefund>.Failure(BodyField, "the body must be a JSON object of the documented fields");
        }

        return Validate(body);
    }

    /// <summary>Every missing field by name; then the first rule a present value breaks.</summary>
    public static ReadResult<RequestRefund> Validate(RefundRequestBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.RefundRequestId is not { } refundRequestId)
        {
            errors["refundRequestId"] = ["refundRequestId is required: a GUID that identifies this refund request (its idempotency key)"];
        }
        else if (refundRequestId == Guid.Empty)
        {
            errors["refundRequestId"] = ["refundRequestId must not be the empty GUID"];
        }

        if (body.Order is null)
        {
            errors["order"] = ["order is required: the merchant's order reference"];
        }

        if (body.Amount is null)
        {
            errors["amount"] = ["amount is required: a JSON number such as 10.50"];
        }

        if (body.ContactName is null)
        {
            errors["contactName"] = ["contactName is required: the account holder's name"];
        }

        if (body.Iban is null)
        {
            errors["iban"] = ["iban is required: the IBAN to pay back to"];
        }

        if (errors.Count > 0)
        {
            return ReadResult<RequestRefund>.Failure(errors);
        }

        if (RefundRequestRules.Check(body.Order, body.Amount!.Value, body.ContactName, body.Iban) is { } problem)
        {
            return ReadResult<RequestRefund>.Failure(problem.Field, problem.Message);
        }

        return ReadResult<RequestRefund>.Success(new RequestRefund(
            body.RefundRequestId!.Value,
            body.Order!,
            Optional(body.PayguruCode),
            Optional(body.ServiceCode),
            body.Amount.Value,
            body.ContactName!,
            body.Iban!,
            Optional(body.Reason)));
    }

    static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The body field a JSON path such as <c>$.amount</c> or <c>$['amount']</c> starts at, in its canonical spelling.</summary>
    static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length < 2)
        {
            return null;
        }

        var name = path[1] == '.'
            ? path[2..].Split('.', '[')[0]
            : path.StartsWith("$['", StringComparison.Ordinal) ? path[3..].Split('\'')[0] : "";
        return FieldTypes.Keys.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
    }
}
