using Microsoft.Extensions.Http;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>One Paywall attempt as it left the client, with the headers the Paywall handler put on it.</summary>
public sealed record SentPaywallRequest(string Path, string? KeyPublic, string? ClientPublic, string? Body);

/// <summary>Adds a last handler to every client the factory builds that records each Paywall attempt, retries included.</summary>
public sealed class PaywallRecordingFilter(List<SentPaywallRequest> sent) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) =>
        builder =>
        {
            next(builder);
            builder.AdditionalHandlers.Add(new Recorder(sent));
        };

    sealed class Recorder(List<SentPaywallRequest> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (sent)
            {
                sent.Add(new SentPaywallRequest(request.RequestUri!.AbsolutePath, Header(request, "apikeypublic"), Header(request, "apiclientpublic"), body));
            }

            return await base.SendAsync(request, cancellationToken);
        }

        static string? Header(HttpRequestMessage request, string name) =>
            request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }
}
