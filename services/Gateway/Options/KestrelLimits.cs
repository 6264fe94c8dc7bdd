using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Payguru.Gateway.Options;

/// <summary>Applies <see cref="RequestLimitsOptions"/> to Kestrel: what it refuses before the gateway reads anything.</summary>
public sealed class KestrelLimits(IOptions<RequestLimitsOptions> limits) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var value = limits.Value;
        options.Limits.MaxRequestBodySize = value.LargestBodyBytes;
        options.Limits.MaxRequestHeadersTotalSize = value.HeadersBytes;
        options.Limits.MaxRequestHeaderCount = value.HeaderCount;
        options.Limits.MaxRequestLineSize = value.RequestLineBytes;
        options.Limits.MinRequestBodyDataRate = new MinDataRate(value.MinBodyBytesPerSecond, TimeSpan.FromSeconds(5));
    }
}
