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

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // A command prints its own result: no host lifetime lines. MassTransit's warnings stay (they name a failed connection's cause).
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        var settings = builder.Configuration.GetSection(OrderServiceSettings.SectionName).Get<OrderServiceSettings>() ?? new OrderServiceSettings();
        var broker = BrokerEndpoint.From(builder.Configuration.GetSection(RabbitMqSettings.SectionName).Get<RabbitMqSettings>() ?? new RabbitMqSettings());

        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.AddOrderServiceBus(builder.Configuration);

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
                        $"Could not connect to RabbitMQ (virtual host {broker.VirtualHost} on {broker.Host} as {broker.Username}){detail}; check the RabbitMq settings.");
                    return 1;
                }
            }

            return await ExecuteAsync(host.Services.GetRequiredService<IBus>(), line, settings, Console.Out, Console.Error);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The command on a started <paramref name="bus"/> (RabbitMQ, or a test harness): sends the request, waits for its
    /// outcome on a queue of this run's own, and prints it to <paramref name="output"/>. Returns the exit code.
    /// </summary>
    public static async Task<int> ExecuteAsync(IBus bus, RefundCommandLine line, OrderServiceSettings settings, TextWriter output, TextWriter errors)
    {
        var request = new RequestRefund(
            line.RefundRequestId,
            line.Order,
            PayguruCode: null,
            line.ServiceCode,
            line.Amount,
            line.Name ?? settings.ContactName,
            line.Iban ?? settings.Iban,
            Reason: "OrderService sample: refund command");
        var outcome = await CommandRoundTrip.PublishAndAwaitAsync<RequestRefund, RefundSubmitted, RefundRejected>(
            bus,
            $"{OrderServiceBus.EndpointPrefix}-cli-{line.RefundRequestId:N}",
            request,
            submitted => submitted.RefundRequestId == line.RefundRequestId,
            rejected => rejected.RefundRequestId == line.RefundRequestId,
            line.Timeout,
            async () =>
            {
                await output.WriteLineAsync($"Sent {request} to {RefundEndpoints.RequestRefundQueue}");
                await output.WriteLineAsync($"Waiting up to {line.Timeout.TotalSeconds:0} s for RefundSubmitted or RefundRejected ...");
            });
        switch (outcome)
        {
            case RefundSubmitted submitted:
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"RefundSubmitted: Payguru refund {submitted.RefundId}, order {submitted.Order}, {submitted.Amount} via {submitted.ServiceCode}"));
                return 0;
            case RefundRejected rejected:
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"RefundRejected: {rejected.Reason}{(rejected.ProviderCode is null ? "" : $" ({rejected.ProviderCode})")}: {rejected.Message}"));
                return 1;
            default:
                await errors.WriteLineAsync(
                    $"No RefundSubmitted or RefundRejected for {line.RefundRequestId} within {line.Timeout.TotalSeconds:0} s. " +
                    $"The command stays queued in '{RefundEndpoints.RequestRefundQueue}' until a RefundProcessor takes it; " +
                    $"to ask again without risking a second refund, rerun with --request-id {line.RefundRequestId}.");
                return 1;
        }
    }
}
