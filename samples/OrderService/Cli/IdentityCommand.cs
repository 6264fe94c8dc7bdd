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

        var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None).AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

        // Start only once the bus is connected and the reply queue is bound, so no answer can be missed.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.Services.AddOrderServiceBus(builder.Configuration, configure: (_, cfg) =>
            cfg.ReceiveEndpoint($"{OrderServiceBus.EndpointPrefix}-cli-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.Durable = false;
                endpoint.AutoDelete = true;
                endpoint.Handler<OrderIdentityRegistered>(context => Complete(context.Message.Order, context.Message));
                endpoint.Handler<OrderIdentityRejected>(context => Complete(context.Message.Order, context.Message));
            }));

        Task Complete(string order, object message)
        {
            if (order == line.Order)
            {
                outcome.TrySetResult(message);
            }

            return Task.CompletedTask;
        }

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

            var command = new RegisterOrderIdentity(line.Order, line.Tckn);
            using var waiting = new CancellationTokenSource(line.Timeout);
            await host.Services.GetRequiredService<IBus>().Publish(command, waiting.Token);

            // RegisterOrderIdentity.ToString leaves out the TCKN.
            Console.WriteLine($"Sent {command} to {IdentityEndpoints.RegisterQueue}");
            try
            {
                switch (await outcome.Task.WaitAsync(waiting.Token))
                {
                    case OrderIdentityRegistered registered:
                        Console.WriteLine($"OrderIdentityRegistered: order {registered.Order}{(registered.Replaced ? ", replacing a different TCKN" : "")}");
                        return 0;
                    case OrderIdentityRejected rejected:
                        Console.WriteLine($"OrderIdentityRejected: order {rejected.Order}: {rejected.Reason}: {rejected.Message}");
                        return 1;
                    default:
                        return 1;
                }
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync(
                    $"No OrderIdentityRegistered or OrderIdentityRejected for order {line.Order} within {line.Timeout.TotalSeconds:0} s. " +
                    $"The command stays queued in '{IdentityEndpoints.RegisterQueue}' until a RefundProcessor takes it.");
                return 1;
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
