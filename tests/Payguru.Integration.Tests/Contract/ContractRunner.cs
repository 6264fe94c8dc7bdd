using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.Integration.Tests.Contract;

/// <summary>Runs the table's steps on one side, the same way on both, and writes down what each step gave.</summary>
public sealed class ContractRunner(IContractSide side, ObservedEvents events)
{
    public async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<ContractStep> steps)
    {
        var observed = new List<string>();
        foreach (var step in steps)
        {
            if (await RunAsync(step) is { } observation)
            {
                observed.Add(observation);
            }
        }

        return observed;
    }

    async Task<string?> RunAsync(ContractStep step)
    {
        switch (step)
        {
            case ContractStep.Pay pay:
                await side.PayAsync(pay, $"PG-{pay.Txid}");
                return null;

            case ContractStep.RefuseNextRefund refuse:
                await side.RefuseNextRefundAsync(refuse.Code, refuse.Message);
                return null;

            case ContractStep.RefuseNextMember refuse:
                await side.RefuseNextMemberAsync(refuse.Code, refuse.Message);
                return null;

            case ContractStep.RefuseNextToken refuse:
                await side.RefuseNextTokenAsync(refuse.Code, refuse.Message);
                return null;

            case ContractStep.Request request:
                var id = request.Command.RefundRequestId;
                return await SendAndObserveAsync(RefundEndpoints.RequestRefundQueue, request.Command,
                    m => m is RefundSubmitted s && s.RefundRequestId == id || m is RefundRejected r && r.RefundRequestId == id, $"the outcome of {id}");

            case ContractStep.PayRefund pay:
                var refundId = ((RefundSubmitted)(await events.WaitForAsync(m => m is RefundSubmitted s && s.RefundRequestId == pay.RefundRequestId, 1, "its submission")).Message).RefundId;
                bool IsReport(object m) => m is RefundSettled s && s.RefundId == refundId && s.Status == RefundStatuses.Paid;
                var nth = events.Count(IsReport) + 1;
                await side.PayRefundAsync(refundId);
                var (messageId, settled) = await events.WaitForAsync(IsReport, nth, $"RefundSettled of refund {refundId}");
                return Observation.Of(messageId, settled);

            case ContractStep.Query query:
                var refund = await side.Bus.CreateRequestClient<GetRefund>(new Uri($"queue:{RefundEndpoints.QueriesQueue}"), RequestTimeout.After(s: 30))
                    .GetResponse<RefundState, RefundNotFound>(new GetRefund(query.RefundRequestId));
                return Observation.Of(null, refund.Message);

            case ContractStep.RegisterIdentity register:
                return await SendAndObserveAsync(IdentityEndpoints.RegisterQueue, new RegisterOrderIdentity(register.Order, register.Tckn),
                    m => m is OrderIdentityRegistered r && r.Order == register.Order || m is OrderIdentityRejected j && j.Order == register.Order, $"the identity outcome of '{register.Order}'");

            case ContractStep.RegisterMember member:
                var external = member.Command.MemberExternalId;
                return await SendAndObserveAsync(PaywallEndpoints.SubMerchantsQueue, member.Command,
                    m => m is SubMerchantRegistered r && r.MemberExternalId == external || m is SubMerchantRejected j && j.MemberExternalId == external, $"the outcome of sub-merchant {external}");

            case ContractStep.Token token:
                var answer = await side.Bus.CreateRequestClient<IssueClientToken>(new Uri($"queue:{PaywallEndpoints.ClientTokensQueue}"), RequestTimeout.After(s: 30))
                    .GetResponse<ClientTokenIssued, ClientTokenRefused>(token.Ask);
                return Observation.Of(null, answer.Message);

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "a step the runner does not know");
        }
    }

    async Task<string> SendAndObserveAsync<T>(string queue, T command, Func<object, bool> outcome, string what)
        where T : class
    {
        var nth = events.Count(outcome) + 1;
        var endpoint = await side.Bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(command);
        var (messageId, message) = await events.WaitForAsync(outcome, nth, what);
        return Observation.Of(messageId, message);
    }
}
