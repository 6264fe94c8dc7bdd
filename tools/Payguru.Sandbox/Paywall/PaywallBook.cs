using System.Globalization;
using Payguru.Provider.Wire.Paywall;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Paywall;

/// <summary>Paywall's state: the temp tokens issued and the members created, by external id.</summary>
public sealed class PaywallBook(TurkeyClock clock, SandboxStats stats)
{
    // The seed's sample id; ids keep counting across resets.
    const long FirstTempTokenId = 14533994;

    readonly Lock gate = new();
    readonly Dictionary<string, PaywallMemberAnswer> members = new(StringComparer.Ordinal);
    long lastTempTokenId = FirstTempTokenId - 1;
    long lastMemberId;

    public PaywallTempTokenAnswer IssueTempToken(PaywallTempTokenRequest request)
    {
        stats.TempTokenIssued();
        return new PaywallTempTokenAnswer
        {
            TempTokenId = Interlocked.Increment(ref lastTempTokenId),
            Token = Guid.NewGuid().ToString("D"),
            ExpiryDateTime = clock.Now.AddMinutes(request.ExpiryMin),
            Scope = new PaywallTokenScope { ClientCardSave = request.ClientCardSave, ThreeDSession = request.ThreeDSession },
        };
    }

    /// <summary>The stored member, or null when a member with the same external id exists.</summary>
    public PaywallMemberAnswer? CreateMember(PaywallMemberRequest request)
    {
        lock (gate)
        {
            if (members.ContainsKey(request.MemberExternalId))
            {
                return null;
            }

            var member = new PaywallMemberAnswer(request)
            {
                Id = ++lastMemberId,
                InsertDateTime = clock.Now.ToString("O", CultureInfo.InvariantCulture),
            };
            members[request.MemberExternalId] = member;
            stats.MemberCreated();
            return member;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            members.Clear();
        }
    }
}
