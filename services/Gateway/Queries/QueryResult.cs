namespace Payguru.Gateway.Queries;

/// <summary>The answer to a query (default when there is none), or why there is none and the exception that said so.</summary>
public sealed record QueryResult<TResponse>(TResponse Response, QueryFailure Failure, Exception? Exception);
