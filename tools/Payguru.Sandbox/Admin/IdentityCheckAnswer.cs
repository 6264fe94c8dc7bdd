namespace Payguru.Sandbox.Admin;

/// <summary>
/// What came of an identity check: the merchant's answer to <c>verify</c> (HTTP status, or why there was
/// none; its JSON <c>status</c>; whether its <c>tckn</c> matched), the outcome (<c>verified</c> or
/// <c>unverified</c>) and, when it was sent, the merchant's answer to it. Never the TCKN or its hash.
/// </summary>
public sealed record IdentityCheckAnswer(
    string Order,
    long Txid,
    string Service,
    int? VerifyHttpStatus,
    string? VerifyFailure,
    bool VerifyStatus,
    bool TcknMatches,
    string Outcome,
    bool Notified,
    string? NotificationAnswer);
