namespace Payguru.Bench.Chaos;

/// <summary>The faults the schedule injects, as the verdict table names them.</summary>
public static class FaultKinds
{
    /// <summary>kill -9 of the node leading the processors' refund queue, restarted 5 s later.</summary>
    public const string NodeKill = "node-kill";

    /// <summary>rabbitmqctl stop_app on the node leading the payments queue for 10 s, then start_app.</summary>
    public const string NodeStopApp = "node-stop-app";

    /// <summary>The gateway's and processor 1's broker connections cut (TcpProxy) for 10 s.</summary>
    public const string ConnectionCut = "connection-cut";

    /// <summary>kill -9 of a processor, restarted 2 s later.</summary>
    public const string ProcessorKill = "processor-kill";

    /// <summary>refund/create made but its answer dropped.</summary>
    public const string LostAnswer = "provider-lost-answer";

    /// <summary>refund/create and refund/getByOrder answering 5xx.</summary>
    public const string ServerError = "provider-5xx";

    /// <summary>refund/create made and its answer held past the processor's timeout.</summary>
    public const string Hold = "provider-hold";

    /// <summary>Every Payguru token ends at once (ERR_016 for everyone).</summary>
    public const string TokenStorm = "token-storm";

    /// <summary>Callbacks delivered twice.</summary>
    public const string CallbackDuplicate = "callback-duplicate";

    /// <summary>Callbacks held and delivered newest first.</summary>
    public const string CallbackReorder = "callback-reorder";

    public static IReadOnlyList<string> All { get; } =
        [NodeKill, NodeStopApp, ConnectionCut, ProcessorKill, LostAnswer, ServerError, Hold, TokenStorm, CallbackDuplicate, CallbackReorder];
}
