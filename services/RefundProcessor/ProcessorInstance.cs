namespace Payguru.RefundProcessor;

/// <summary>This process among the processor instances sharing one database: the owner name of its claims.</summary>
public sealed record ProcessorInstance(string Id)
{
    public static ProcessorInstance New() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");
}
