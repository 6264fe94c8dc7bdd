using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Broker;

/// <summary>
/// A TLS handshake with every reachable broker node, with the validation the bus uses, as the host starts. A
/// refused certificate does not heal by retrying, so it fails the start naming the setting; a node that does not
/// answer is left to the bus, which reconnects (the services start while the broker is down).
/// </summary>
public sealed class BrokerTlsCheck(IOptions<RabbitMqOptions> options) : IHostedService
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await FindProblemAsync(BrokerAddress.Resolve(options.Value), cancellationToken) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>Null when no reachable node refused the handshake, else what went wrong, naming the setting.</returns>
    public static async Task<string?> FindProblemAsync(BrokerAddress address, CancellationToken cancellationToken)
    {
        if (!address.UseTls)
        {
            return null;
        }

        var validation = new BrokerCertificateValidation(address);
        foreach (var node in address.Nodes)
        {
            using var tcp = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            try
            {
                await tcp.ConnectAsync(node.Host, node.Port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                continue;
            }

            string? refusal = null;
            await using var tls = new SslStream(tcp.GetStream());
            var tlsOptions = new SslClientAuthenticationOptions
            {
                TargetHost = address.TlsServerName ?? node.Host,
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    refusal = validation.Explain(certificate, chain, errors);
                    return refusal is null;
                },
                ClientCertificates = address.ClientCertificate is null ? null : new X509CertificateCollection { address.ClientCertificate },
            };
            timeout.CancelAfter(ConnectTimeout); // the handshake gets its own time
            try
            {
                await tls.AuthenticateAsClientAsync(tlsOptions, timeout.Token);
            }
            catch (AuthenticationException e)
            {
                return refusal is not null
                    ? $"TLS to RabbitMQ at {node} refused: {refusal}."
                    : $"TLS to RabbitMQ at {node} failed: {e.Message} (check RabbitMq:UseTls, the port, and RabbitMq:ClientCertificatePath if the broker asks for a client certificate).";
            }
            catch (Exception e) when (e is IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Closed or silent while shaking hands: most likely a plain AMQP port.
                return $"TLS to RabbitMQ at {node} failed: the node did not complete a TLS handshake (is {node.Port} its TLS port? RabbitMq:Port, RabbitMq:UseTls).";
            }
        }

        return null;
    }
}
