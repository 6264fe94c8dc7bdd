namespace Payguru.Sandbox.Callbacks;

/// <summary>The notifications Payguru sends merchants.</summary>
public enum CallbackKind
{
    /// <summary><c>/PhsNotifyService</c>: an accepted payment.</summary>
    Payment,

    /// <summary><c>/PhsRefundNotifyService</c>: a refund's outcome.</summary>
    Refund,

    /// <summary><c>/TCKNVerifyService</c> with <c>verified</c> or <c>unverified</c>: the outcome of an identity check.</summary>
    Identity,
}
