namespace Payguru.Provider.Signing;

/// <summary>Every key formula of docs/protocol.md, over the values as they travel: an amount "10.50" is signed as "10.50".</summary>
public static class PayguruKeys
{
    /// <summary><c>/phs/getToken</c>: md5(merchantId + serverIp + merchantKey).</summary>
    public static string Token(string merchantId, string serverIp, string merchantKey) =>
        Md5Key.Compute(merchantId, serverIp, merchantKey);

    /// <summary><c>/PhsNotifyService</c>: md5(service + merchant + txid + code + order + amount + merchantKey + serviceKey).</summary>
    public static string PaymentNotify(
        ServiceSecret service, MerchantSecret merchant, string txid, string code, string order, string amount) =>
        Md5Key.Compute(service.Code, merchant.Id, txid, code, order, amount, merchant.Key, service.Key);

    /// <summary><c>/TCKNVerifyService</c>: md5(service + merchant + order + merchantKey + serviceKey).</summary>
    public static string TcknVerify(ServiceSecret service, MerchantSecret merchant, string order) =>
        Md5Key.Compute(service.Code, merchant.Id, order, merchant.Key, service.Key);

    /// <summary>The TCKN answer: md5(tckn + serviceKey).</summary>
    public static string TcknAnswer(string tckn, ServiceSecret service) => Md5Key.Compute(tckn, service.Key);

    /// <summary><c>/PhsRefundNotifyService</c>: md5(service + merchant + refundId + code + order + amount + bankCode + merchantKey + serviceKey).</summary>
    public static string RefundNotify(
        ServiceSecret service, MerchantSecret merchant, string refundId, string code, string order, string amount, string bankCode) =>
        Md5Key.Compute(service.Code, merchant.Id, refundId, code, order, amount, bankCode, merchant.Key, service.Key);
}
