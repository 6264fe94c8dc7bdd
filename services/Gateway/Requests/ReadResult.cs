using System.Diagnostics.CodeAnalysis;

namespace Payguru.Gateway.Requests;

/// <summary>
/// What reading a request gave: the value (a callback's notification, an API's command), or the
/// problems by field and the status to answer them with (400; 408 for a body sent too slowly).
/// Problems are safe to answer with: they name fields and never repeat a value or a key.
/// </summary>
public sealed class ReadResult<T>
    where T : class
{
    /// <summary>Where a callback or a body that cannot be read at all is refused.</summary>
    public const string BodyField = "body";

    ReadResult(T? value, Dictionary<string, string[]>? errors, int statusCode)
    {
        Value = value;
        Errors = errors;
        StatusCode = statusCode;
    }

    public T? Value { get; }

    public Dictionary<string, string[]>? Errors { get; }

    /// <summary>As a callback's refusal says it.</summary>
    public string? Error => Errors is null ? null : string.Join("; ", Errors.Values.SelectMany(e => e));

    public int StatusCode { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Errors), nameof(Error))]
    public bool Succeeded => Value is not null;

    public static ReadResult<T> Success(T value) => new(value, null, StatusCodes.Status200OK);

    public static ReadResult<T> Failure(Dictionary<string, string[]> errors) => new(null, errors, StatusCodes.Status400BadRequest);

    public static ReadResult<T> Failure(string field, string error, int statusCode = StatusCodes.Status400BadRequest) =>
        new(null, new() { [field] = [error] }, statusCode);

    public static ReadResult<T> Failure(string error) => Failure(BodyField, error);
}
