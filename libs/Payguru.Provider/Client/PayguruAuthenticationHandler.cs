using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire;

namespace Payguru.Provider.Client;

/// <summary>
/// On <c>ERR_016</c> (Invalid Token) it takes a fresh token once and sends the call once more; a second <c>ERR_016</c>
/// goes back to the caller. Safe even for <c>refund/create</c>: an <c>ERR_016</c> means Payguru did nothing.
/// </summary>
public sealed class PayguruAuthenticationHandler(IPayguruTokenSource tokens, IOptions<PayguruOptions> options) : DelegatingHandler
{
    static readonly byte[] InvalidTokenCode = Encoding.UTF8.GetBytes(PayguruStatusCodes.InvalidToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await SendWithTokenAsync(request, token, cancellationToken);
        if (!await IsInvalidTokenAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        // Inside the client pipeline a request may be sent again, as the resilience handler's retries do.
        return await SendWithTokenAsync(request, await tokens.RefreshAsync(token, cancellationToken), cancellationToken);
    }

    Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Remove("merchant");
        request.Headers.Remove("token");
        request.Headers.TryAddWithoutValidation("merchant", options.Value.MerchantId);
        request.Headers.TryAddWithoutValidation("token", token);
        return base.SendAsync(request, cancellationToken);
    }

    static async Task<bool> IsInvalidTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return false;
        }

        // Buffered, so that Refit reads the same body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.AsSpan().IndexOf(InvalidTokenCode) < 0)
        {
            return false; // the common case, without parsing
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                && status.GetString() == PayguruStatusCodes.InvalidToken;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
