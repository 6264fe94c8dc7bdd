using System.ComponentModel;

namespace Payguru.Gateway.Refunds;

/// <summary>The answer to an accepted <c>POST /refunds</c>: the request is queued for the refund processor.</summary>
public sealed record RefundAccepted(
    [property: Description("The request's idempotency key, as sent.")]
    Guid RefundRequestId,
    [property: Description("Always \"pending\": follow the request at GET /refunds/{refundRequestId}.")]
    string State);
