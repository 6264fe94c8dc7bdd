using Payguru.Gateway.Publishing;

namespace Payguru.Gateway.Identity;

/// <summary>
/// The gateway's log lines about Payguru's identity checks, source-generated. Never a key, a TCKN or
/// the TCKN hash of an answer. Refusals are logged by <see cref="Callbacks.CallbackLog"/>.
/// </summary>
public static partial class IdentityVerificationLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "TCKN verification of order {Order} ({ServiceCode}): answered status true with the registered identity's hash")]
    public static partial void Known(ILogger logger, string order, string serviceCode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "TCKN verification of order {Order} ({ServiceCode}): answered status false, no identity is registered")]
    public static partial void Unknown(ILogger logger, string order, string serviceCode);

    /// <summary><paramref name="why"/>: <see cref="Queries.QueryResult{TResponse}.Why"/>.</summary>
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "TCKN verification of order {Order} ({ServiceCode}): answered status false, {Why}")]
    public static partial void NoAnswer(ILogger logger, string order, string serviceCode, string why);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Identity check {Outcome} txid {Txid} order {Order} ({ServiceCode}): {MessageType} {PublishOutcome}")]
    public static partial void Reported(
        ILogger logger, string outcome, long txid, string order, string serviceCode, string messageType, PublishOutcome publishOutcome);
}
