using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Refunds;

/// <summary>
/// The log lines of the refund HTTP API, source-generated. They carry ids, the order and the
/// amount, never the IBAN, the contact name or the API key; a refused request is logged by the
/// names of its bad fields only.
/// </summary>
public static partial class RefundApiLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Refund request {RefundRequestId} order {Order} amount {Amount} ({ServiceCode}): RequestRefund {Outcome}")]
    public static partial void Requested(
        ILogger logger, Guid refundRequestId, string order, decimal amount, string serviceCode, PublishOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a refund request: bad {Fields}")]
    public static partial void Refused(ILogger logger, string fields);

    /// <summary><paramref name="why"/>: <see cref="Queries.QueryResult{TResponse}.Why"/>.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "GetRefund {RefundRequestId} got no answer: {Why}")]
    public static partial void QueryFailed(ILogger logger, Guid refundRequestId, string why);
}
