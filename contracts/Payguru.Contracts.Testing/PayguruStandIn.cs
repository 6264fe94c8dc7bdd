using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Testing.Events;
using Payguru.Contracts.Testing.StandIns;

namespace Payguru.Contracts.Testing;

/// <summary>
/// The refund processor and the provider behind it, in memory: what the stand-in consumers decide by, and what a test
/// scripts. Decisions use the contracts' rules (<see cref="RefundRequestRules"/>, <see cref="IdentityRegistrationRules"/>,
/// <see cref="SubMerchantRules"/>, <see cref="ClientTokenRules"/>) and ids (<see cref="MessageIds"/>), the ones the
/// processor runs; a contract test in Payguru.Bus runs one table against both. Resolve it from the test's container.
/// </summary>
public sealed class PayguruStandIn
{
    readonly Lock _gate = new();
    readonly PayguruStandInOptions _options;
    readonly IServiceProvider _services;
    readonly Dictionary<Guid, StandInRefund> _refunds = [];
    readonly Dictionary<long, StandInPayment> _payments = [];
    readonly Dictionary<string, string> _identities = new(StringComparer.Ordinal);
    readonly Dictionary<string, (int Registration, Outcome? Outcome)> _subMerchants = new(StringComparer.Ordinal);
    readonly Queue<(string Code, string Message)> _refundRefusals = new();
    readonly Queue<(int Code, string Message)> _memberRefusals = new();
    readonly Queue<(int Code, string Message)> _tokenRefusals = new();
    long _nextRefundId;
    long _nextMemberId;
    long _nextTempTokenId;
    long _nextDeclaredTxid = -1;

    /// <summary>Made by the container (<see cref="PayguruStandInRegistration.AddPayguruStandIns"/>); uses its <see cref="TimeProvider"/> when it has one.</summary>
    public PayguruStandIn(PayguruStandInOptions options, IServiceProvider services)
    {
        _options = options;
        _services = services;
        _nextRefundId = options.FirstRefundId;
        _nextMemberId = options.FirstMemberId;
        _nextTempTokenId = options.FirstTempTokenId;
    }

    TimeProvider Clock => _services.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>
    /// A payment of <paramref name="order"/> the processor knows (it learns it from <c>PaymentAccepted</c>, and so does the
    /// stand-in when one is published on the harness): refunds of the order are checked against it. Without one, an order's refunds are not checked, as in the processor.
    /// </summary>
    /// <param name="order">The merchant's order reference.</param>
    /// <param name="amount">What the order was paid.</param>
    /// <param name="serviceCode">The payment's service; the first configured one when null.</param>
    /// <param name="payguruCode">Payguru's order code, carried into <see cref="RefundSubmitted.PayguruCode"/>.</param>
    public void DeclarePayment(string order, decimal amount, string? serviceCode = null, string? payguruCode = null)
    {
        lock (_gate)
        {
            var txid = _nextDeclaredTxid--;
            _payments[txid] = new(txid, order, amount, serviceCode ?? _options.ServiceCodes.First(), payguruCode);
        }
    }

    /// <summary>Payguru refuses the next <c>refund/create</c> with <paramref name="providerCode"/> (<c>ERR_…</c>): the request is rejected as <c>provider_error</c>.</summary>
    public void RefuseNextRefund(string providerCode, string providerMessage = "")
    {
        lock (_gate)
        {
            _refundRefusals.Enqueue((providerCode, providerMessage));
        }
    }

    /// <summary>Paywall refuses the next member call with <paramref name="errorCode"/> (409: the external id exists already).</summary>
    public void RefuseNextSubMerchant(int errorCode, string message = "")
    {
        lock (_gate)
        {
            _memberRefusals.Enqueue((errorCode, message));
        }
    }

    /// <summary>Paywall refuses the next client token with <paramref name="errorCode"/>: the request is answered <c>paywall_error</c>.</summary>
    public void RefuseNextClientToken(int errorCode, string message = "")
    {
        lock (_gate)
        {
            _tokenRefusals.Enqueue((errorCode, message));
        }
    }

    /// <summary>
    /// Payguru pays refund <paramref name="refundId"/> back: publishes <see cref="RefundSettled"/> at status 3 with the bank fields and the
    /// message id the gateway gives Payguru's notification (<see cref="GatewayEvents.RefundSettled"/>), and returns it.
    /// </summary>
    public Task<RefundSettled> PayRefundAsync(long refundId, CancellationToken cancellationToken = default) =>
        ReportRefundAsync(refundId, RefundStatuses.Paid, cancellationToken);

    /// <summary>Payguru reports refund <paramref name="refundId"/> at <paramref name="status"/>, as <see cref="PayRefundAsync"/> does for status 3.</summary>
    public async Task<RefundSettled> ReportRefundAsync(long refundId, int status, CancellationToken cancellationToken = default)
    {
        StandInRefund refund;
        lock (_gate)
        {
            refund = _refunds.Values.SingleOrDefault(r => r.RefundId == refundId)
                ?? throw new InvalidOperationException($"The stand-in made no refund {refundId}; refund ids start at {_options.FirstRefundId}.");
        }

        var report = GatewayEvents.RefundSettled(refundId, refund.Order, refund.Amount, status, refund.PayguruCode, createTime: refund.UpdatedAt);
        await _services.GetRequiredService<IBus>().Publish(report.Message, context => context.MessageId = report.MessageId, cancellationToken);
        return report.Message;
    }

    /// <summary>The answer <see cref="GetRefund"/> gets for <paramref name="refundRequestId"/>: a <see cref="RefundState"/>, or null for <see cref="RefundNotFound"/>.</summary>
    public RefundState? StateOf(Guid refundRequestId)
    {
        lock (_gate)
        {
            if (!_refunds.TryGetValue(refundRequestId, out var refund))
            {
                return null;
            }

            var state = refund switch
            {
                { Rejected: true } => RefundStateNames.Rejected,
                { ProviderStatus: RefundStatuses.Paid } => RefundStateNames.Paid,
                _ => RefundStateNames.Submitted,
            };
            return new RefundState(refund.RequestId, refund.Order, refund.Amount, state, refund.RefundId, refund.ProviderStatus,
                refund.RejectionReason, refund.RejectionMessage, refund.RequestedAt, refund.UpdatedAt);
        }
    }

    internal Outcome Decide(RequestRefund request)
    {
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            if (_refunds.TryGetValue(request.RefundRequestId, out var known))
            {
                return OutcomeOf(known);
            }

            if (RefundRequestRules.Check(request.Order, request.Amount, request.ContactName, request.Iban) is { } problem)
            {
                return Reject(request, problem, now);
            }

            var orderPayments = _payments.Values.Where(p => p.Order == request.Order).ToList();
            var service = RefundRequestRules.ChooseService(request.ServiceCode, orderPayments.FirstOrDefault()?.ServiceCode, _options.ServiceCodes.ToList());
            if (service is null)
            {
                return Reject(request, RefundRequestRules.UnknownService(request.ServiceCode), now);
            }

            if (orderPayments.Count > 0)
            {
                var committed = _refunds.Values.Where(r => r.Order == request.Order && !r.Rejected).Sum(r => r.Amount);
                if (RefundRequestRules.CheckOverRefund(request.Order, orderPayments.Sum(p => p.Amount), committed, request.Amount) is { } overRefund)
                {
                    return Reject(request, overRefund, now);
                }
            }

            var refund = new StandInRefund
            {
                RequestId = request.RefundRequestId,
                Order = request.Order,
                // Kept as the processor keeps it: two decimals (2.5 is answered as 2.50).
                Amount = decimal.Parse(RefundRequestRules.FormatAmount(request.Amount), CultureInfo.InvariantCulture),
                PayguruCode = request.PayguruCode ?? orderPayments.FirstOrDefault()?.PayguruCode,
                ServiceCode = service,
                RequestedAt = now,
                UpdatedAt = now,
            };
            _refunds[request.RefundRequestId] = refund;
            if (_refundRefusals.TryDequeue(out var refusal))
            {
                var refused = RefundRequestRules.ProviderRefusal(refusal.Code, refusal.Message);
                refund.Rejected = true;
                refund.RejectionReason = refused.Reason;
                refund.RejectionMessage = refused.Message;
                refund.ProviderCode = refusal.Code;
            }
            else
            {
                refund.RefundId = _nextRefundId++;
            }

            return OutcomeOf(refund);
        }
    }

    internal void Record(RefundSettled report)
    {
        lock (_gate)
        {
            // As the processor's refund_results: a status never moves backwards.
            foreach (var refund in _refunds.Values.Where(r => r.RefundId == report.RefundId && (r.ProviderStatus ?? 0) < report.Status))
            {
                refund.ProviderStatus = report.Status;
            }
        }
    }

    internal void Record(PaymentAccepted payment)
    {
        lock (_gate)
        {
            _payments.TryAdd(payment.Txid, new(payment.Txid, payment.Order, payment.Amount, payment.ServiceCode, payment.PayguruCode));
        }
    }

    internal object Register(RegisterOrderIdentity command)
    {
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            if (IdentityRegistrationRules.Check(command.Order, command.Tckn) is { } problem)
            {
                return new OrderIdentityRejected(command.Order ?? "", problem.Reason, problem.Message, now);
            }

            var replaced = _identities.TryGetValue(command.Order, out var stored) && stored != command.Tckn;
            _identities[command.Order] = command.Tckn;
            return new OrderIdentityRegistered(command.Order, replaced, now);
        }
    }

    /// <returns>The outcome; its message id is null when the processor gives none (an unusable external id).</returns>
    internal (object Message, Guid? MessageId) Register(RegisterSubMerchant command)
    {
        lock (_gate)
        {
            var now = Clock.GetUtcNow();
            var problem = SubMerchantRules.Check(command);
            if (problem?.Reason == SubMerchantRejectionReasons.InvalidExternalId)
            {
                return (new SubMerchantRejected(command.MemberExternalId ?? "", problem.Reason, problem.Message, null, now), null);
            }

            var externalId = command.MemberExternalId;
            _subMerchants.TryGetValue(externalId, out var known);
            if (known.Outcome is { Message: SubMerchantRegistered } registered)
            {
                return (registered.Message, registered.MessageId);
            }

            var registration = known.Registration + 1;
            Outcome outcome;
            if (problem is null && _memberRefusals.TryDequeue(out var refusal))
            {
                problem = SubMerchantRules.PaywallRefusal(refusal.Code, refusal.Message);
                outcome = new(new SubMerchantRejected(externalId, problem.Reason, problem.Message, refusal.Code, now), MessageIds.SubMerchantRejected(externalId, registration));
            }
            else if (problem is not null)
            {
                outcome = new(new SubMerchantRejected(externalId, problem.Reason, problem.Message, null, now), MessageIds.SubMerchantRejected(externalId, registration));
            }
            else
            {
                outcome = new(new SubMerchantRegistered(externalId, _nextMemberId++, command.MemberName.Trim(), now), MessageIds.SubMerchantRegistered(externalId));
            }

            _subMerchants[externalId] = (registration, outcome);
            return (outcome.Message, outcome.MessageId);
        }
    }

    internal object Issue(IssueClientToken request)
    {
        lock (_gate)
        {
            if (ClientTokenRules.Check(request) is { } invalid)
            {
                return invalid;
            }

            if (_tokenRefusals.TryDequeue(out var refusal))
            {
                return new ClientTokenRefused(ClientTokenRefusalReasons.PaywallError, refusal.Message, refusal.Code);
            }

            var id = _nextTempTokenId++;
            return new ClientTokenIssued($"stand-in-client-token-{id}", Clock.GetUtcNow().AddMinutes(request.ExpiryMin), id, request.ClientCardSave, request.ThreeDSession);
        }
    }

    Outcome Reject(RequestRefund request, RefundRequestProblem problem, DateTimeOffset now)
    {
        // Kept as the processor keeps it, the order cut to its limit, so the same id is answered the same again.
        _refunds[request.RefundRequestId] = new StandInRefund
        {
            RequestId = request.RefundRequestId,
            Order = request.Order is { Length: > RefundRequestRules.MaxOrderLength } order ? order[..RefundRequestRules.MaxOrderLength] : request.Order ?? "",
            Amount = request.Amount,
            PayguruCode = request.PayguruCode,
            ServiceCode = request.ServiceCode,
            Rejected = true,
            RejectionReason = problem.Reason,
            RejectionMessage = problem.Message,
            RequestedAt = now,
            UpdatedAt = now,
        };
        return new(new RefundRejected(request.RefundRequestId, request.Order ?? "", request.Amount, problem.Reason, problem.Message, null, now),
            MessageIds.RefundRejected(request.RefundRequestId));
    }

    static Outcome OutcomeOf(StandInRefund refund) => refund.Rejected
        ? new(new RefundRejected(refund.RequestId, refund.Order, refund.Amount, refund.RejectionReason ?? "", refund.RejectionMessage ?? "", refund.ProviderCode, refund.UpdatedAt),
            MessageIds.RefundRejected(refund.RequestId))
        : new(new RefundSubmitted(refund.RequestId, refund.RefundId!.Value, refund.Order, refund.PayguruCode, refund.ServiceCode ?? "", refund.Amount, refund.UpdatedAt),
            MessageIds.RefundSubmitted(refund.RequestId));
}
