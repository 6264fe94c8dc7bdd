using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Paywall;
using Payguru.Messaging.Topology;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for the processor's client token consumer on <c>refund-processor-client-tokens</c>: answers every
/// <see cref="IssueClientToken"/> with the answer it was given, and keeps the requests it received.
/// </summary>
public sealed class ClientTokenResponder(ClientTokenResponder.Script script) : IConsumer<IssueClientToken>
{
    /// <summary>Adds the responder on the processor's client token queue, answering with <paramref name="answer"/>.</summary>
    public static Action<IBusRegistrationConfigurator> On(Script script) => bus =>
    {
        bus.AddSingleton(script);
        bus.AddConsumer<ClientTokenResponder>().Endpoint(e => e.Name = ProcessorQueues.ClientTokens);
    };

    public async Task Consume(ConsumeContext<IssueClientToken> context)
    {
        script.Received.Enqueue(context.Message);
        switch (script.Answer)
        {
            case ClientTokenIssued issued:
                await context.RespondAsync(issued);
                break;
            case ClientTokenRefused refused:
                await context.RespondAsync(refused);
                break;
        }
    }

    /// <summary>What the stand-in answers, and what it was asked.</summary>
    public sealed class Script(object answer)
    {
        public object Answer { get; } = answer;

        public ConcurrentQueue<IssueClientToken> Received { get; } = new();
    }
}
