namespace Payguru.RefundProcessor.Identity;

/// <summary>The identity statements that differ between dialects.</summary>
public interface IIdentityQueries
{
    /// <summary>Inserts the hash of (@Order, @ServiceCode), or replaces the one stored, with @TcknHash and @RegisteredAt.</summary>
    string UpsertHash { get; }
}
