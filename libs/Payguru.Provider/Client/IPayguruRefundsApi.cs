using Payguru.Provider.Wire;
using Refit;

namespace Payguru.Provider.Client;

/// <summary>
/// Payguru's refund endpoints (seed 003). Authenticated: the <c>merchant</c> and <c>token</c>
/// headers come from <see cref="PayguruAuthenticationHandler"/>. <c>refund/create</c> is not
/// idempotent, so its client never retries it.
/// </summary>
public interface IPayguruRefundsApi
{
    /// <summary><c>POST /phs/refund/create</c> with a form; build it with <see cref="RefundCreateForm"/>.</summary>
    [Post("/phs/refund/create")]
    Task<IApiResponse<RefundCreateAnswer>> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    /// <summary><c>GET /phs/refund/get?id=</c>: one refund.</summary>
    [Get("/phs/refund/get")]
    Task<RefundGetAnswer> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary><c>GET /phs/refund/getByOrder?order=</c>: every refund of an order.</summary>
    [Get("/phs/refund/getByOrder")]
    Task<RefundsByOrderAnswer> GetByOrderAsync(string order, CancellationToken cancellationToken);
}
