using Payguru.Provider.Wire;
using Refit;

namespace Payguru.Provider.Client;

/// <summary>Payguru's refund endpoints (seed 003), authenticated by <see cref="PayguruAuthenticationHandler"/>.</summary>
public interface IPayguruRefundsApi
{
    /// <summary>The form is built with <see cref="RefundCreateForm"/>.</summary>
    [Post("/phs/refund/create")]
    Task<IApiResponse<RefundCreateAnswer>> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form, CancellationToken cancellationToken);

    [Get("/phs/refund/get")]
    Task<RefundGetAnswer> GetAsync(long id, CancellationToken cancellationToken);

    [Get("/phs/refund/getByOrder")]
    Task<RefundsByOrderAnswer> GetByOrderAsync(string order, CancellationToken cancellationToken);
}
