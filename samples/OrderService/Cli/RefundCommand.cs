using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Refunds;

namespace OrderService.Cli;

/// <summary>
/// The one-shot <c>refund</c> command: sends one <see cref="RequestRefund"/> and waits for the
/// <see cref="RefundSubmitted"/> or <see cref="RefundRejected"/> with its RefundRequestId.
/// Exit code 0 when submitted, 1 when rejected or nothing came in time, 2 for bad arguments.
/// </summary>
public static class RefundCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (RefundCommandLine.Parse(args, out var error) is not { } line)
        {
            await Console.Error.WriteLineAsync($"{error}\n{RefundCommandLine.Usage}");
            return 2;
        }

        var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // A command prints its own result: no host lifetime lines. MassTransit's warnings stay (they name a failed connection's cause).
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        var settings = builder.Configuration.GetSection(OrderServiceSettings.SectionName).Get<OrderServiceSettings>() ?? new OrderServiceSettings();
        var rabbitMq = builder.Configuration.GetSection(RabbitMqSettings.SectionName).Get<RabbitMqSettings>() ?? new RabbitMqSettings();

        // Start only once the bus is connected and the reply queue is bound, so no answer can be missed.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.AddOrderServiceBus(builder.Configuration, configure: (_, cfg) =>
            // A queue of its own for this run only (not durable, deleted when it disconnects), bound to both outcomes.
            cfg.ReceiveEndpoint($"{OrderServiceBus.EndpointPrefix}-cli-{line.RefundRequestId:N}", endpoint =>
            {
                endpoint.Durable = false;
                endpoint.AutoDelete = true;
                endpoint.Handler<RefundSubmitted>(context => Complete(context.Message.RefundRequestId, context.Message));
                endpoint.Handler<RefundRejected>(context => Complete(context.Message.RefundRequestId, context.Message));
            }));

        Task Complete(Guid refundRequestId, object message)
        {
            if (refundRequestId == line.RefundRequestId)
            {
                outcome.TrySetResult(message);
            }

            return Task.CompletedTask;
        }

        using var host = builder.Build();
        try
        {
            using (var starting = new CancellationTokenSource(StartTimeout))
            {
                try
                {
                    await host.StartAsync(starting.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or MassTransitException)
                {
                    var detail = e is OperationCanceledException ? $" within {StartTimeout.TotalSeconds:0} s" : $": {e.Message.TrimEnd('.')}";
                    await Console.Error.WriteLineAsync(
                        $"Could not connect to RabbitMQ (virtual host {rabbitMq.VirtualHost} on {rabbitMq.Host} as {rabbitMq.Username}){detail}; check the RabbitMq settings.");
                    return 1;
                }
            }

            var request = new RequestRefund(
                line.RefundRequestId,
                line.Order,
                PayguruCode: null,
                line.ServiceCode,
                line.Amount,
                line.Name ?? settings.ContactName,
                line.Iban ?? settings.Iban,
                Reason: "OrderService sample: refund command");

            using var waiting = new CancellationTokenSource(line.Timeout);
            var bus = host.Services.GetRequiredService<IBus>();
            await bus.Publish(request, waiting.Token);
            Console.WriteLine($"Sent {request} to {RefundEndpoints.RequestRefundQueue}");
            Console.WriteLine($"Waiting up to {line.Timeout.TotalSeconds:0} s for RefundSubmitted or RefundRejected ...");

            try
            {
                switch (await outcome.Task.WaitAsync(waiting.Token))
                {
                    case RefundSubmitted submitted:
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"RefundSubmitted: Payguru refund {submitted.RefundId}, order {submitted.Order}, {submitted.Amount} via {submitted.ServiceCode}"));
                        return 0;
                    case RefundRejected rejected:
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"RefundRejected: {rejected.Reason}{(rejected.ProviderCode is null ? "" : $" ({rejected.ProviderCode})")}: {rejected.Message}"));
                        return 1;
                    default:
                        return 1;
                }
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync(
                    $"No RefundSubmitted or RefundRejected for {line.RefundRequestId} within {line.Timeout.TotalSeconds:0} s. " +
                    $"The command stays queued in '{RefundEndpoints.RequestRefundQueue}' until a RefundProcessor takes it; " +
                    $"to ask again without risking a second refund, rerun with --request-id {line.RefundRequestId}.");
                return 1;
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
