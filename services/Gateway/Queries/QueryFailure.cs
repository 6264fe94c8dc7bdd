namespace Payguru.Gateway.Queries;

/// <summary>Why a query to the processor has no answer.</summary>
public enum QueryFailure
{
    None,

    /// <summary>No answer within the timeout, or the request could not even be published within the bound.</summary>
    NoAnswer,

    Faulted,

    /// <summary>The bus refused the request (the broker connection, the topology).</summary>
    Failed,
}
