using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Settings;

/// <summary>The body of <c>PATCH /_sandbox/settings</c>: only the given settings change.</summary>
public sealed record SettingsPatch(
    TimeSpan? TokenLifetime,
    bool? NewTokenInvalidatesPrevious,
    CallbackForm? CallbackForm,
    TimeSpan? CallbackTimeout,
    TimeSpan? CallbackRetryDelay,
    TimeSpan? CallbackMaxRetryDelay);
