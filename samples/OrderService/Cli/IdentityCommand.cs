using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Identity;

namespace OrderService.Cli;

/// <summary>
/// The one-shot <c>identity</c> command: publishes one <see cref="RegisterOrderIdentity"/> (bound to the processor's queue) and
/// waits for the <see cref="OrderIdentityRegistered"/> or <see cref="OrderIdentityRejected"/> of its order. Never
/// prints the TCKN. Exit code 0 when registered, 1 when rejected or nothing came in time, 2 for bad arguments.
/// </summary>
public static class IdentityCommand
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (IdentityCommandLine.Parse(args, out var error) is not { } line)
        {
            await Console.Error.WriteLineAsync($"{error}\n{IdentityCommandLine.Usage}");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.AddOrderServiceBus(builder.Configuration);

        using var host = builder.Build();
        try
        {
            try
            {
                using var starting = new CancellationTokenSource(StartTimeout);
                await host.StartAsync(starting.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or MassTransitException)
            {
                await Console.Error.WriteLineAsync($"Could not connect to RabbitMQ within {StartTimeout.TotalSeconds:0} s; check the RabbitMq settings.");
                return 1;
            }

            return await ExecuteAsync(host.Services.GetRequiredService<IBus>(), line, Console.Out, Console.Error);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The command on a started <paramref name="bus"/> (RabbitMQ, or a test harness): publishes the registration, waits for the
    /// outcome of its order on a queue of this run's own, and prints it to <paramref name="output"/>. Returns the exit code.
    /// </summary>
    public static async Task<int> ExecuteAsync(IBus bus, IdentityCommandLine line, TextWriter output, TextWriter errors)
    {
        var command = new RegisterOrderIdentity(line.Order, line.Tckn);
        var outcome = await CommandRoundTrip.PublishAndAwaitAsync<RegisterOrderIdentity, OrderIdentityRegistered, OrderIdentityRejected>(
            bus,
            $"{OrderServiceBus.EndpointPrefix}-cli-{Guid.NewGuid():N}",
            command,
            registered => registered.Order == line.Order,
            rejected => rejected.Order == line.Order,
            line.Timeout,
            // RegisterOrderIdentity.ToString leaves out the TCKN.
            () => output.WriteLineAsync($"Sent {command} to {IdentityEndpoints.RegisterQueue}"));
        switch (outcome)
        {
            case OrderIdentityRegistered registered:
                await output.WriteLineAsync($"OrderIdentityRegistered: order {registered.Order}{(registered.Replaced ? ", replacing a different TCKN" : "")}");
                return 0;
            case OrderIdentityRejected rejected:
                await output.WriteLineAsync($"OrderIdentityRejected: order {rejected.Order}: {rejected.Reason}: {rejected.Message}");
                return 1;
            default:
                await errors.WriteLineAsync(
                    $"No OrderIdentityRegistered or OrderIdentityRejected for order {line.Order} within {line.Timeout.TotalSeconds:0} s. " +
                    $"The command stays queued in '{IdentityEndpoints.RegisterQueue}' until a RefundProcessor takes it.");
                return 1;
        }
    }
}
