namespace Payguru.Sandbox.Admin;

/// <summary>
/// The body of <c>POST /_sandbox/refunds/{id}/status</c>. Status 3 fills the refund time and the bank
/// fields (Ziraat and a receipt <c>DEKONT&lt;id&gt;</c> unless given). <c>Notify</c> (default true) sends
/// <c>/PhsRefundNotifyService</c> at once; otherwise the end-of-day call reports the change.
/// </summary>
public sealed record RefundMoveRequest(
    int Status,
    bool? Notify,
    long? BankId,
    string? BankName,
    string? BankCode,
    string? BankNo,
    string? ReceiptNo,
    string? Description);
