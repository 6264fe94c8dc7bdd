namespace Payguru.Contracts.Testing.StandIns;

/// <summary>An event to publish and the message id the processor gives it.</summary>
internal readonly record struct Outcome(object Message, Guid MessageId);
