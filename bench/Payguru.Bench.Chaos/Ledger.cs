using System.Collections.Concurrent;

namespace Payguru.Bench.Chaos;

/// <summary>
/// What the load did and was answered, which the checks hold the services to: the orders paid (and for how much),
/// the notifications the gateway answered, the refund requests sent, the identity checks made.
/// </summary>
public sealed class Ledger
{
    /// <summary>Orders with a payment Payguru (the sandbox) knows, and its amount: the ceiling of their refunds.</summary>
    public ConcurrentDictionary<string, decimal> PaidOrders { get; } = new(StringComparer.Ordinal);

    /// <summary>Payments made through the sandbox's test transaction (the sandbox notifies and retries itself).</summary>
    public ConcurrentDictionary<string, SandboxPayment> SandboxPayments { get; } = new(StringComparer.Ordinal);

    /// <summary>Notifications the driver signed and sent itself, by txid.</summary>
    public ConcurrentDictionary<long, SignedPayment> SignedPayments { get; } = new();

    public ConcurrentDictionary<Guid, RefundRequestSent> RefundRequests { get; } = new();

    public ConcurrentDictionary<string, IdentityCheck> IdentityChecks { get; } = new(StringComparer.Ordinal);

    public long EndOfDayRuns;
    public long NotificationRepeats;
    public long RefundResends;
    public long NonOkAnswers;
    public long Probes;

    public long Operations =>
        SandboxPayments.Count + SignedPayments.Count + Interlocked.Read(ref NotificationRepeats) + RefundRequests.Count
        + Interlocked.Read(ref RefundResends) + IdentityChecks.Count + Interlocked.Read(ref EndOfDayRuns);
}

public sealed record SandboxPayment(string Order, string Amount, int FirstStatus, string FirstAnswer);

public sealed class SignedPayment(long txid, string order)
{
    public long Txid { get; } = txid;

    public string Order { get; } = order;

    /// <summary>Set once the gateway answered OK (only then it promises the payment is queued).</summary>
    public bool AnsweredOk { get; set; }
}

public sealed record RefundRequestSent(Guid RequestId, string Order, decimal Amount, string Channel);

public sealed class IdentityCheck(string order)
{
    public string Order { get; } = order;

    public bool RegistrationSent { get; set; }

    public string? Outcome { get; set; }

    /// <summary>The sandbox sent its verified/unverified notification (it retries it until OK).</summary>
    public bool Notified { get; set; }
}
