using System.Globalization;

namespace Payguru.ErrorQueues.Cli;

/// <summary>What the operator asked for: <c>list</c>, or <c>replay &lt;queue&gt;_error [--count N]</c>.</summary>
public abstract record CommandLine
{
    public const string Usage =
        """
        usage: Payguru.ErrorQueues list
               Payguru.ErrorQueues replay <queue>_error [--count N]

          list     every *_error queue of the virtual host with its message count and, per message,
                   its type, message id and MassTransit's fault headers (MT-Reason, MT-Fault-Message)
          replay   moves messages of <queue>_error back to <queue> (all it holds now, or the first N),
                   each acknowledged only after the broker confirmed its republish

        The broker comes from RabbitMq__Host, RabbitMq__Port, RabbitMq__VirtualHost, RabbitMq__Username,
        RabbitMq__Password, as for the services; queues are found through RabbitMQ's management API at
        RabbitMq__ManagementUrl (default http://<RabbitMq__Host>:15672).
        """;

    /// <summary>The parsed command, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static CommandLine? Parse(string[] args, out string error)
    {
        error = "";
        switch (args)
        {
            case ["list"]:
                return new ListErrorQueues();
            case ["replay", var queue, .. var options]:
                if (!ErrorQueueName.TryParse(queue, out var errorQueue, out error))
                {
                    return null;
                }

                switch (options)
                {
                    case []:
                        return new ReplayErrorQueue(errorQueue, Count: null);
                    case ["--count", var text] when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                        return new ReplayErrorQueue(errorQueue, count);
                    case ["--count", var text]:
                        error = $"--count must be a whole number greater than zero (was '{text}').";
                        return null;
                    default:
                        error = $"unexpected arguments after the queue: {string.Join(' ', options)}";
                        return null;
                }

            case ["replay"]:
                error = "replay needs the error queue, e.g. replay refund-processor-payments_error";
                return null;
            case []:
                error = "no command given";
                return null;
            default:
                error = $"unknown command: {string.Join(' ', args)}";
                return null;
        }
    }
}

/// <summary><c>list</c>.</summary>
public sealed record ListErrorQueues : CommandLine;

/// <summary><c>replay &lt;queue&gt;_error [--count N]</c>; no count means every message the queue holds when the replay starts.</summary>
public sealed record ReplayErrorQueue(ErrorQueueName Queue, int? Count) : CommandLine;
