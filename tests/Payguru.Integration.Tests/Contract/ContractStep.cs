using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.Integration.Tests.Contract;

/// <summary>One thing a contract case does: what a service sends, or what the provider does.</summary>
public abstract record ContractStep
{
    /// <summary>Payguru took a payment: the gateway's <c>PaymentAccepted</c> (and, for the sandbox, the payment itself).</summary>
    public sealed record Pay(long Txid, string Order, decimal Amount) : ContractStep;

    /// <summary>Payguru refuses the next <c>refund/create</c> with <paramref name="Code"/>.</summary>
    public sealed record RefuseNextRefund(string Code, string Message) : ContractStep;

    /// <summary>A service sends <see cref="RequestRefund"/>; observed: its outcome event and message id.</summary>
    public sealed record Request(RequestRefund Command) : ContractStep;

    /// <summary>Payguru pays back the refund submitted for <paramref name="RefundRequestId"/>; observed: the gateway's <see cref="RefundSettled"/>.</summary>
    public sealed record PayRefund(Guid RefundRequestId) : ContractStep;

    /// <summary>A service asks <see cref="GetRefund"/>; observed: the answer.</summary>
    public sealed record Query(Guid RefundRequestId) : ContractStep;

    /// <summary>A service sends <c>RegisterOrderIdentity</c>; observed: its outcome event.</summary>
    public sealed record RegisterIdentity(string Order, string Tckn) : ContractStep;

    /// <summary>A service sends <see cref="RegisterSubMerchant"/>; observed: its outcome event and message id.</summary>
    public sealed record RegisterMember(RegisterSubMerchant Command) : ContractStep;

    /// <summary>Paywall refuses the next member call with <paramref name="Code"/>.</summary>
    public sealed record RefuseNextMember(int Code, string Message) : ContractStep;

    /// <summary>A service asks <see cref="IssueClientToken"/>; observed: the answer.</summary>
    public sealed record Token(IssueClientToken Ask) : ContractStep;

    /// <summary>Paywall refuses the next client token with <paramref name="Code"/>.</summary>
    public sealed record RefuseNextToken(int Code, string Message) : ContractStep;
}
