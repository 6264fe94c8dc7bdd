using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// The key whose messages a subscriber gets in the order they were written (contracts README):
/// an order's refund and identity events, a sub-merchant's registration events. Messages of
/// different keys have no order between them; a message without a key has none at all.
/// </summary>
public static class OutboxOrderingKeys
{
    public static string? Of(object message) => message switch
    {
        RefundSubmitted m => Order(m.Order),
        RefundRejected m => Order(m.Order),
        RefundSettled m => Order(m.Order),
        OrderIdentityRegistered m => Order(m.Order),
        OrderIdentityRejected m => Order(m.Order),
        SubMerchantRegistered m => SubMerchant(m.MemberExternalId),
        SubMerchantRejected m => SubMerchant(m.MemberExternalId),
        _ => null,
    };

    static string Order(string order) => "order:" + order;

    static string SubMerchant(string memberExternalId) => "sub-merchant:" + memberExternalId;
}
