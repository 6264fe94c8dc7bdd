using System.Diagnostics.CodeAnalysis;
using Payguru.Contracts.Refunds;

namespace Payguru.Gateway.Refunds;

/// <summary>A valid <see cref="RequestRefund"/>, or the problems of the body by field (safe to answer with).</summary>
public sealed class RefundRequestReadResult
{
    RefundRequestReadResult(RequestRefund? request, Dictionary<string, string[]>? errors)
    {
        Request = request;
        Errors = errors;
    }

    public RequestRefund? Request { get; }

    /// <summary>Field name (as in the JSON body, or <c>body</c>) → what is wrong with it. Never repeats a value.</summary>
    public Dictionary<string, string[]>? Errors { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool Succeeded => Request is not null;

    public static RefundRequestReadResult Success(RequestRefund request) => new(request, null);

    public static RefundRequestReadResult Failure(Dictionary<string, string[]> errors) => new(null, errors);

    public static RefundRequestReadResult Failure(string field, string error) => new(null, new() { [field] = [error] });
}
