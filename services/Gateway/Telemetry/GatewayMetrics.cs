using System.Diagnostics.Metrics;
using Payguru.Gateway.Publishing;
using Payguru.Telemetry;

namespace Payguru.Gateway.Telemetry;

/// <summary>Recording costs next to nothing while no exporter listens (telemetry off).</summary>
public sealed class GatewayMetrics : IServiceMetrics
{
    public const string Notifications = "payguru.notifications";

    public static string MeterName => "Payguru.Gateway";

    public static string ServiceName => "payguru-gateway";

    readonly Counter<long> _notifications;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _notifications = meter.CreateCounter<long>(Notifications, "{notification}",
            "Payguru callbacks answered, by kind (payment, refund) and outcome: accepted (OK, message queued), refused (400), failed (not queued, 503)");
    }

    /// <summary>A callback answered 400: malformed, incomplete, or with a key that is not genuine.</summary>
    public void NotificationRefused(string kind) => CountNotification(kind, "refused");

    /// <summary>A genuine callback, answered OK when its message was queued and 503 otherwise.</summary>
    public void NotificationPublished(string kind, PublishOutcome outcome) =>
        CountNotification(kind, outcome == PublishOutcome.Queued ? "accepted" : "failed");

    void CountNotification(string kind, string outcome) =>
        _notifications.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
