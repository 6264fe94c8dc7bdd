namespace Payguru.Health;

/// <summary>
/// The body of a health answer: the overall status and each check's status, by check name. Descriptions and
/// exceptions are left out on purpose: they can carry host names or connection details.
/// </summary>
public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, string> Checks);
