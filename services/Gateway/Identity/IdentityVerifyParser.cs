using Payguru.Gateway.Requests;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Identity;

/// <summary>
/// Turns the fields of a <c>notification_type=verify</c> call into an <see cref="IdentityVerifyCall"/>: the
/// order and a key genuine for one configured service, md5(service + merchant + order + merchantKey + serviceKey).
/// The other fields are not signed and not needed for the answer, so they are not read.
/// </summary>
public static class IdentityVerifyParser
{
    public static ReadResult<IdentityVerifyCall> Parse(WireFields fields, PayguruOptions payguru)
    {
        if (fields.FirstMissing("order", "key") is { } missing)
        {
            return ReadResult<IdentityVerifyCall>.Failure($"missing field '{missing}'");
        }

        var order = fields["order"]!;
        var service = ServiceKeyMatcher.FindService(payguru.ServiceSecrets, s => PayguruKeys.TcknVerify(s, payguru.Merchant, order), fields["key"]);
        return service is null
            ? ReadResult<IdentityVerifyCall>.Failure("invalid key")
            : ReadResult<IdentityVerifyCall>.Success(new IdentityVerifyCall(order, service.Code));
    }
}
