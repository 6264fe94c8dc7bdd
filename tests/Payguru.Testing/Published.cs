namespace Payguru.Testing;

/// <summary>One publish of <typeparamref name="T"/> that <see cref="PublishRecorder"/> saw: the message and its message id.</summary>
public sealed record Published<T>(T Message, Guid? MessageId);
