using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Broker;

/// <summary>Runs <see cref="BrokerTlsCheck"/> as the host starts: a refused broker certificate fails the start.</summary>
public sealed class BrokerTlsStartupCheck(IOptions<RabbitMqOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await BrokerTlsCheck.FindProblemAsync(BrokerAddress.Resolve(options.Value), cancellationToken) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
