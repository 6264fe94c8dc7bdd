using Microsoft.Extensions.Configuration;
using Payguru.ErrorQueues.Broker;
using Payguru.ErrorQueues.Cli;
using Payguru.ErrorQueues.Commands;
using Payguru.ErrorQueues.Configuration;
using Payguru.Messaging.Broker;
using RabbitMQ.Client.Exceptions;

// Exit codes: 0 done, 1 the broker refused or could not be reached, 2 bad arguments or settings.
if (CommandLine.Parse(args, out var error) is not { } command)
{
    await Console.Error.WriteLineAsync($"error: {error}\n\n{CommandLine.Usage}");
    return 2;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
if (BrokerSettings.Load(configuration, out var errors) is not { } settings)
{
    foreach (var problem in errors)
    {
        await Console.Error.WriteLineAsync($"error: {problem}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// A refused broker certificate is a settings problem: say which setting, before any command runs.
if (await BrokerTlsCheck.FindProblemAsync(settings.Broker, cancel.Token) is { } tlsProblem)
{
    await Console.Error.WriteLineAsync($"error: {tlsProblem}");
    return 2;
}

try
{
    return command switch
    {
        ListErrorQueues => await ListCommand.RunAsync(settings, Console.Out, cancel.Token),
        ReplayErrorQueue replay => await ReplayCommand.RunAsync(settings, replay, Console.Out, cancel.Token),
        _ => throw new InvalidOperationException($"no handler for {command}"),
    };
}
catch (BrokerException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
catch (BrokerUnreachableException e)
{
    await Console.Error.WriteLineAsync(
        $"error: could not connect to RabbitMQ ({settings.Describe()} as '{settings.Broker.Username}'): {e.InnerException?.Message ?? e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    // A message taken but not yet confirmed is handed back when the channel closes: nothing is lost.
    await Console.Error.WriteLineAsync("cancelled");
    return 1;
}
