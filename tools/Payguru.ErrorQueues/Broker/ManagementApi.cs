using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Payguru.ErrorQueues.Configuration;
using Payguru.Messaging.Broker;

namespace Payguru.ErrorQueues.Broker;

/// <summary>
/// RabbitMQ's management HTTP API, for the one thing AMQP cannot do: list a virtual host's queues.
/// Counts and messages are read over AMQP, where they are current (the API's counts lag by seconds).
/// </summary>
public sealed class ManagementApi(BrokerSettings settings) : IDisposable
{
    readonly HttpClient _http = CreateClient(settings);

    /// <summary>The names of every queue of the configured virtual host.</summary>
    public async Task<IReadOnlyList<string>> ListQueueNamesAsync(CancellationToken cancellationToken)
    {
        var vhost = settings.Broker.VirtualHost;
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync($"api/queues/{Uri.EscapeDataString(vhost)}?columns=name", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new BrokerException(
                $"RabbitMQ's management API did not answer at {settings.ManagementUrl} ({e.Message}). Enable it " +
                $"(rabbitmq-plugins enable rabbitmq_management) or point {BrokerSettings.ManagementUrlKey} at it.", e);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new BrokerException(
                    $"RabbitMQ's management API at {settings.ManagementUrl} refused user '{settings.Broker.Username}' " +
                    "(check RabbitMq:Username and RabbitMq:Password; the user needs the management or monitoring tag).");
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new BrokerException($"Virtual host '{vhost}' does not exist (RabbitMQ's management API at {settings.ManagementUrl}).");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new BrokerException($"RabbitMQ's management API at {settings.ManagementUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            var queues = await response.Content.ReadFromJsonAsync<List<QueueName>>(cancellationToken) ?? [];
            return queues.Select(queue => queue.Name).ToList();
        }
    }

    public void Dispose() => _http.Dispose();

    static HttpClient CreateClient(BrokerSettings settings)
    {
        var baseAddress = settings.ManagementUrl.AbsoluteUri.EndsWith('/') ? settings.ManagementUrl : new Uri(settings.ManagementUrl.AbsoluteUri + "/");
        // Over https the management API's certificate is checked like the broker's (RabbitMq:TrustedCaFile, the client certificate).
        var handler = new SocketsHttpHandler();
        if (baseAddress.Scheme == Uri.UriSchemeHttps && settings.Broker.UseTls)
        {
            var validation = new BrokerCertificateValidation(settings.Broker);
            handler.SslOptions.RemoteCertificateValidationCallback = validation.Validate;
            if (settings.Broker.ClientCertificate is not null)
            {
                handler.SslOptions.ClientCertificates = [settings.Broker.ClientCertificate];
            }
        }

        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Broker.Username}:{settings.Broker.Password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return http;
    }

    sealed record QueueName(string Name);
}
