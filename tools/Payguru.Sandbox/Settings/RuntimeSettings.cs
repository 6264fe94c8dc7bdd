using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Settings;

/// <summary>The settings the admin API may change while the sandbox runs; one immutable snapshot.</summary>
public sealed record RuntimeSettings(
    TimeSpan TokenLifetime,
    bool NewTokenInvalidatesPrevious,
    CallbackForm CallbackForm,
    TimeSpan CallbackTimeout,
    TimeSpan CallbackRetryDelay,
    TimeSpan CallbackMaxRetryDelay)
{
    public static RuntimeSettings From(SandboxOptions options) => new(
        options.TokenLifetime,
        options.NewTokenInvalidatesPrevious,
        options.Callbacks.Form,
        options.Callbacks.Timeout,
        options.Callbacks.RetryDelay,
        options.Callbacks.MaxRetryDelay);
}
