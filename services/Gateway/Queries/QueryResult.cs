namespace Payguru.Gateway.Queries;

/// <summary>The answer to a query (default when there is none), or why there is none and the exception that said so.</summary>
public sealed record QueryResult<TResponse>(TResponse Response, QueryFailure Failure, Exception? Exception)
{
    /// <summary>
    /// Why there is no answer, for a log line: the timeout, the faulted consumer's exception type (its message
    /// may carry the request's data), or what the bus said.
    /// </summary>
    public string Why(TimeSpan timeout) => Failure switch
    {
        QueryFailure.NoAnswer => $"the processor did not answer within {timeout}",
        QueryFailure.Faulted => $"the processor failed to answer: {Exception!.GetType().Name}",
        _ => $"asking the processor failed: {Exception!.Message}",
    };
}
