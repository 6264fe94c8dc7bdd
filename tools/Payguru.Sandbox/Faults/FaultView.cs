namespace Payguru.Sandbox.Faults;

/// <summary>A fault in force as the admin API lists it.</summary>
public sealed record FaultView(
    int Id, string Endpoint, string Kind, int? Count, int? Remaining, int? Status, string? Code, string? Message, int? DelayMs);
