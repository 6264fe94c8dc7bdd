namespace Payguru.Integration.Tests.Packaging;

/// <summary>One instruction: its keyword in capitals and the rest of the line.</summary>
public sealed record DockerfileInstruction(string Keyword, string Arguments);
