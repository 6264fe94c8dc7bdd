namespace Payguru.Health;

public static class HealthTags
{
    /// <summary>
    /// Checks that must pass before the service takes work. MassTransit 8 tags its bus check
    /// (<c>masstransit-bus</c>) with this same tag, so the bus is part of readiness without registering it here.
    /// </summary>
    public const string Ready = "ready";
}
