using System.Globalization;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.Integration.Tests.Contract;

/// <summary>
/// One line per event or answer, with every field a service can rely on: ids, reasons, codes, messages, amounts, states.
/// Left out are only what differs by when it ran (times) and what Paywall alone chooses (member ids and token values:
/// their presence is kept).
/// </summary>
public static class Observation
{
    public static string Of(Guid? messageId, object message) => message switch
    {
        RefundSubmitted m => $"RefundSubmitted id={messageId} request={m.RefundRequestId} refund={m.RefundId} order={m.Order} payguru={m.PayguruCode} service={m.ServiceCode} amount={Money(m.Amount)}",
        RefundRejected m => $"RefundRejected id={messageId} request={m.RefundRequestId} order={m.Order} amount={Money(m.Amount)} reason={m.Reason} provider={m.ProviderCode} message={m.Message}",
        RefundSettled m => $"RefundSettled id={messageId} refund={m.RefundId} order={m.Order} payguru={m.PayguruCode} status={m.Status} amount={Money(m.Amount)} " +
            $"bank={m.BankName}/{m.BankCode}/{m.BankId}/{m.BankReceiptNo} refundTime={m.RefundTime is not null} createTime={m.CreateTime is not null}",
        RefundState m => $"RefundState request={m.RefundRequestId} order={m.Order} amount={Money(m.Amount)} state={m.State} refund={m.RefundId} providerStatus={m.ProviderStatus} " +
            $"reason={m.RejectionReason} message={m.RejectionMessage} updated>=requested={m.UpdatedAt >= m.RequestedAt}",
        RefundNotFound m => $"RefundNotFound request={m.RefundRequestId}",
        // The processor gives identity outcomes no derived id (each registration is its own fact): not compared.
        OrderIdentityRegistered m => $"OrderIdentityRegistered order={m.Order} replaced={m.Replaced}",
        OrderIdentityRejected m => $"OrderIdentityRejected order={m.Order} reason={m.Reason} message={m.Message}",
        SubMerchantRegistered m => $"SubMerchantRegistered id={messageId} external={m.MemberExternalId} name={m.MemberName} memberId={(m.PaywallMemberId is null ? "none" : "given")}",
        SubMerchantRejected m => $"SubMerchantRejected id={messageId} external={m.MemberExternalId} reason={m.Reason} code={m.PaywallErrorCode} message={m.Message}",
        ClientTokenIssued m => $"ClientTokenIssued cardSave={m.ClientCardSave} threeD={m.ThreeDSession} token={(string.IsNullOrEmpty(m.Token) ? "none" : "given")}",
        ClientTokenRefused m => $"ClientTokenRefused reason={m.Reason} code={m.PaywallErrorCode} message={m.Message}",
        _ => $"unexpected {message.GetType().Name}",
    };

    // Scale included (2.50 is not 2.5 on the wire).
    static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
