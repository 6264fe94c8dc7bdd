namespace Payguru.Sandbox.Admin;

/// <summary>How many tokens <c>POST /_sandbox/tokens/invalidate</c> ended.</summary>
public sealed record TokensInvalidatedAnswer(int Invalidated);
