namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Paywall's <c>ErrorCode</c>s the processor acts on. The seed documents the envelope, not its codes;
/// these are the sandbox's (it answers with the HTTP status as the code).
/// </summary>
public static class PaywallErrorCodes
{
    /// <summary>A member with the same <c>MemberExternalId</c> exists already: nothing was created.</summary>
    public const int DuplicateMember = 409;
}
