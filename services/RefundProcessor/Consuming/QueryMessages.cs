using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// The bus requests that only read or ask and change no state of ours: they are answered outside
/// the transactional inbox/outbox filter (no inbox record, no transaction), and a request asked
/// again is simply answered again.
/// </summary>
public static class QueryMessages
{
    public static readonly IReadOnlySet<Type> Types = new HashSet<Type>
    {
        typeof(GetRefund),
        typeof(IssueClientToken),
        typeof(GetIdentityAnswer),
    };
}
