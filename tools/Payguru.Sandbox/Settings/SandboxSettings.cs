using Microsoft.Extensions.Options;
using Payguru.Sandbox.Options;

namespace Payguru.Sandbox.Settings;

/// <summary>
/// The current <see cref="RuntimeSettings"/>: read on every call, replaced whole by the admin API,
/// back to the configuration on reset.
/// </summary>
public sealed class SandboxSettings(IOptions<SandboxOptions> options)
{
    volatile RuntimeSettings current = RuntimeSettings.From(options.Value);

    public RuntimeSettings Current => current;

    /// <summary>Applies <paramref name="patch"/>, or returns what is wrong with it (nothing changes then).</summary>
    public Dictionary<string, string[]> Apply(SettingsPatch patch)
    {
        var next = current with
        {
            TokenLifetime = patch.TokenLifetime ?? current.TokenLifetime,
            NewTokenInvalidatesPrevious = patch.NewTokenInvalidatesPrevious ?? current.NewTokenInvalidatesPrevious,
            CallbackForm = patch.CallbackForm ?? current.CallbackForm,
            CallbackTimeout = patch.CallbackTimeout ?? current.CallbackTimeout,
            CallbackRetryDelay = patch.CallbackRetryDelay ?? current.CallbackRetryDelay,
            CallbackMaxRetryDelay = patch.CallbackMaxRetryDelay ?? current.CallbackMaxRetryDelay,
        };
        var errors = new Dictionary<string, string[]>();
        if (next.TokenLifetime <= TimeSpan.Zero)
        {
            errors["tokenLifetime"] = ["must be more than zero"];
        }

        if (next.CallbackTimeout <= TimeSpan.Zero)
        {
            errors["callbackTimeout"] = ["must be more than zero"];
        }

        if (next.CallbackRetryDelay <= TimeSpan.Zero || next.CallbackMaxRetryDelay < next.CallbackRetryDelay)
        {
            errors["callbackRetryDelay"] = ["must be more than zero and at most callbackMaxRetryDelay"];
        }

        if (errors.Count == 0)
        {
            current = next;
        }

        return errors;
    }

    public void Reset() => current = RuntimeSettings.From(options.Value);
}
