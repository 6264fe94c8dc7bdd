using Microsoft.Extensions.Http;

namespace Payguru.Provider.Tests.Client.Infrastructure;

/// <summary>One HTTP attempt as it left the client: after the authentication handler and the resilience handler.</summary>
public sealed record SentRequest(HttpMethod Method, string Path, string? Merchant, string? Token, string? Body);

/// <summary>
/// The innermost handler of every client (after the resilience handler, just before the socket): it sees each
/// attempt, retries included, with the headers the authentication handler put on it.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    readonly List<SentRequest> _sent;

    public RecordingHandler(List<SentRequest> sent) => _sent = sent;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_sent)
        {
            _sent.Add(new SentRequest(
                request.Method,
                request.RequestUri!.AbsolutePath,
                Header(request, "merchant"),
                Header(request, "token"),
                body));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>Adds a <see cref="RecordingHandler"/> as the last handler of every client the factory builds.</summary>
public sealed class RecordingFilter(List<SentRequest> sent) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) =>
        builder =>
        {
            next(builder);
            builder.AdditionalHandlers.Add(new RecordingHandler(sent));
        };
}
