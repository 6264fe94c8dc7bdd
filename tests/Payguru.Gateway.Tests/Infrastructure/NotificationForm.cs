namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>The three ways a Payguru callback can arrive.</summary>
public enum NotificationForm
{
    Query,
    Form,
    Json,
}
