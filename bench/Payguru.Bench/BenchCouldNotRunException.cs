namespace Payguru.Bench;

/// <summary>A part of the system did not start or answer: the benchmark could not run (exit code 2).</summary>
public sealed class BenchCouldNotRunException(string message) : Exception(message);
