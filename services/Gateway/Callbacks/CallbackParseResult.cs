using System.Diagnostics.CodeAnalysis;

namespace Payguru.Gateway.Callbacks;

/// <summary>A parsed callback, or the short reason it was refused (safe to answer with: no secrets).</summary>
public sealed class CallbackParseResult<T>
    where T : class
{
    CallbackParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    public static CallbackParseResult<T> Success(T value) => new(value, null);

    public static CallbackParseResult<T> Failure(string error) => new(null, error);
}
