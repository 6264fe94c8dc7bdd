using System.Diagnostics.CodeAnalysis;
using Payguru.Contracts.Paywall;

namespace Payguru.Gateway.Paywall;

/// <summary>A valid <see cref="IssueClientToken"/>, or the problems of the body by field.</summary>
public sealed class ClientTokenRequestReadResult
{
    ClientTokenRequestReadResult(IssueClientToken? request, Dictionary<string, string[]>? errors)
    {
        Request = request;
        Errors = errors;
    }

    public IssueClientToken? Request { get; }

    /// <summary>Field name (as in the JSON body, or <c>body</c>) → what is wrong with it.</summary>
    public Dictionary<string, string[]>? Errors { get; }

    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool Succeeded => Request is not null;

    public static ClientTokenRequestReadResult Success(IssueClientToken request) => new(request, null);

    public static ClientTokenRequestReadResult Failure(Dictionary<string, string[]> errors) => new(null, errors);

    public static ClientTokenRequestReadResult Failure(string field, string error) => new(null, new() { [field] = [error] });
}
