using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Faults;

/// <summary>
/// A validated fault in force. <see cref="Remaining"/> counts down as it acts (null: until
/// cleared); it is only touched under the <see cref="FaultBook"/>'s lock.
/// </summary>
public sealed class ActiveFault(int id, ProviderEndpoint? endpoint, FaultKind kind, int? count, int? status, string? code, string? message, int delayMs)
{
    /// <summary>The endpoint name of callback faults.</summary>
    public const string Callbacks = "callbacks";

    public int Id { get; } = id;

    /// <summary>The endpoint it acts on; null for callback faults.</summary>
    public ProviderEndpoint? Endpoint { get; } = endpoint;

    public FaultKind Kind { get; } = kind;

    public int? Count { get; } = count;

    public int? Remaining { get; set; } = count;

    public int? Status { get; } = status;

    public string? Code { get; } = code;

    public string? Message { get; } = message;

    public int DelayMs { get; } = delayMs;

    public bool IsUsedUp => Remaining is <= 0;

    public FaultView ToView() =>
        new(Id, Endpoint?.Name() ?? Callbacks, FaultSpecs.KindName(Kind), Count, Remaining, Status, Code, Message, DelayMs == 0 ? null : DelayMs);
}
