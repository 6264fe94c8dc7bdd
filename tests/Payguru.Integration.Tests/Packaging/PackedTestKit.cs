namespace Payguru.Integration.Tests.Packaging;

/// <summary><c>contracts/Payguru.Contracts.Testing</c>, the test kit, packed.</summary>
public sealed class PackedTestKit() : PackedProject("Payguru.Contracts.Testing");
