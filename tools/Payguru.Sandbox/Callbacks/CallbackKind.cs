namespace Payguru.Sandbox.Callbacks;

/// <summary>The two notifications Payguru sends merchants.</summary>
public enum CallbackKind
{
    /// <summary><c>/PhsNotifyService</c>: an accepted payment.</summary>
    Payment,

    /// <summary><c>/PhsRefundNotifyService</c>: a refund's outcome.</summary>
    Refund,
}
