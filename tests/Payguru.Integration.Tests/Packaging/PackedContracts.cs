namespace Payguru.Integration.Tests.Packaging;

/// <summary><c>contracts/Payguru.Contracts</c> packed.</summary>
public sealed class PackedContracts() : PackedProject("Payguru.Contracts");
