using Payguru.Provider.Wire;

namespace Payguru.Sandbox.Admin;

/// <summary>The refund after the move, as <c>/phs/refund/get</c> shows it, and whether its notification was queued.</summary>
public sealed record RefundMoveAnswer(RefundDetail Refund, bool Notified);
