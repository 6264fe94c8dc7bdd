namespace Payguru.Sandbox.Options;

/// <summary><c>Sandbox:Callbacks</c>: how notifications are sent to merchants.</summary>
public sealed class CallbackOptions
{
    /// <summary>GET with a query string, POST form or POST JSON: Payguru documents GET and POST JSON.</summary>
    public CallbackForm Form { get; set; } = CallbackForm.Query;

    /// <summary>How long one delivery waits for the merchant's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; it doubles with every failed attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
