namespace Payguru.Health;

public static class HealthTags
{
    /// <summary>MassTransit 8 tags its bus check with this same tag, so the bus is part of readiness without registering it here.</summary>
    public const string Ready = "ready";
}
