using Microsoft.Extensions.Options;
using Payguru.Contracts.Paywall;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire.Paywall;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Asks Paywall for a client token (<c>temptoken</c>), once per request: a token asked twice is two
/// tokens, so nothing retries it. Never logs the token.
/// </summary>
public sealed class ClientTokenIssuer(IPaywallTokenApi api, IOptions<PaywallOptions> options, ILogger<ClientTokenIssuer> logger)
{
    /// <returns>A <see cref="ClientTokenIssued"/> or a <see cref="ClientTokenRefused"/>.</returns>
    public async Task<object> IssueAsync(IssueClientToken request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return new ClientTokenRefused(ClientTokenRefusalReasons.PaywallNotConfigured,
                "Paywall is not configured on the processor (Paywall:BaseUrl, Paywall:MemberBaseUrl, Paywall:ApiKeyPublic, Paywall:ApiClientPublic)", null);
        }

        if (ClientTokenRules.Check(request) is { } invalid)
        {
            return invalid;
        }

        var wire = new PaywallTempTokenRequest { ClientCardSave = request.ClientCardSave, ThreeDSession = request.ThreeDSession, ExpiryMin = request.ExpiryMin };
        var answer = await PaywallAnswers.CallAsync(token => api.TempTokenAsync(wire, token), settings.RequestTimeout * 2, cancellationToken);
        switch (answer)
        {
            case PaywallAnswer<PaywallTempTokenAnswer>.Succeeded { Body: var body }:
                logger.LogInformation("Client token {TempTokenId} issued, valid until {ExpiresAt:O}", body.TempTokenId, body.ExpiryDateTime);
                return new ClientTokenIssued(body.Token, body.ExpiryDateTime, body.TempTokenId,
                    body.Scope?.ClientCardSave ?? request.ClientCardSave, body.Scope?.ThreeDSession ?? request.ThreeDSession);

            case PaywallAnswer<PaywallTempTokenAnswer>.Refused refused:
                logger.LogWarning("Paywall refused a client token with {PaywallErrorCode} {PaywallMessage}", refused.ErrorCode, refused.Message);
                return new ClientTokenRefused(ClientTokenRefusalReasons.PaywallError, refused.Message, refused.ErrorCode);

            default:
                var why = ((PaywallAnswer<PaywallTempTokenAnswer>.Unknown)answer).Why;
                logger.LogWarning("Paywall gave no usable answer to a client token request ({Why})", why);
                return new ClientTokenRefused(ClientTokenRefusalReasons.PaywallUnavailable, "Paywall gave no usable answer; try again", null);
        }
    }
}
