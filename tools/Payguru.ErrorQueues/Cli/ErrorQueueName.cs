namespace Payguru.ErrorQueues.Cli;

/// <summary>
/// MassTransit's error queue of a receive endpoint: the endpoint's queue name plus <c>_error</c>. A failed
/// message is replayed to the queue it failed in, <see cref="SourceQueue"/>.
/// </summary>
public sealed record ErrorQueueName(string Name)
{
    public const string Suffix = "_error";

    /// <summary>The queue the messages failed in, where a replay puts them back.</summary>
    public string SourceQueue => Name[..^Suffix.Length];

    public static bool IsErrorQueue(string queue) =>
        queue.Length > Suffix.Length && queue.EndsWith(Suffix, StringComparison.Ordinal);

    public static bool TryParse(string queue, out ErrorQueueName name, out string error)
    {
        name = new ErrorQueueName(queue);
        error = IsErrorQueue(queue) ? "" : $"'{queue}' is not an error queue: its name must be <queue>{Suffix}, e.g. refund-processor-payments{Suffix}";
        return error.Length == 0;
    }

    public override string ToString() => Name;
}
