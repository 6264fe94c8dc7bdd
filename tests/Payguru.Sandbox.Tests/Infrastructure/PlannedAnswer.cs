namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>What the fake merchant answers to one notification instead of its default.</summary>
public sealed record PlannedAnswer(int Status, string Body, TimeSpan Delay = default);
