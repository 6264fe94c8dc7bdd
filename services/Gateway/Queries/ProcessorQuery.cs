using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace Payguru.Gateway.Queries;

/// <summary>
/// Asks the processor over the bus (request/response) with the whole wait bounded, an unreachable
/// broker included: MassTransit's request timeout and token do not always reach a publish that never
/// completes, so the wait is also held to the bound with <c>WaitAsync</c>. Every gateway query goes through here.
/// </summary>
public static class ProcessorQuery
{
    /// <summary>
    /// Sends <paramref name="request"/> and waits for <typeparamref name="T1"/> or <typeparamref name="T2"/>:
    /// the request expires after <paramref name="timeout"/>, and nothing waits longer than <paramref name="bound"/>.
    /// A cancelled <paramref name="requestAborted"/> (the caller went away) is thrown, not reported.
    /// </summary>
    public static async Task<QueryResult<Response<T1, T2>>> AskAsync<TRequest, T1, T2>(
        IRequestClient<TRequest> client, TRequest request, TimeSpan timeout, TimeSpan bound, CancellationToken requestAborted)
        where TRequest : class
        where T1 : class
        where T2 : class
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        bounded.CancelAfter(bound);
        try
        {
            var response = await client.GetResponse<T1, T2>(request, bounded.Token, RequestTimeout.After(ms: (int)timeout.TotalMilliseconds))
                .WaitAsync(bounded.Token);
            return new(response, QueryFailure.None, null);
        }
        catch (RequestTimeoutException exception)
        {
            return new(default!, QueryFailure.NoAnswer, exception);
        }
        catch (OperationCanceledException exception) when (!requestAborted.IsCancellationRequested)
        {
            return new(default!, QueryFailure.NoAnswer, exception);
        }
        catch (RequestFaultException exception)
        {
            return new(default!, QueryFailure.Faulted, exception);
        }
        catch (Exception exception) when (exception is MassTransitException or RabbitMQClientException)
        {
            return new(default!, QueryFailure.Failed, exception);
        }
    }
}
