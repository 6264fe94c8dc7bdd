using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Faults;

/// <summary>Checks a <see cref="FaultSpec"/> and turns it into an <see cref="ActiveFault"/>.</summary>
public static class FaultSpecs
{
    public static readonly TimeSpan DefaultHold = TimeSpan.FromSeconds(120);

    static readonly FaultKind[] EndpointKinds = [FaultKind.Status, FaultKind.Error, FaultKind.Latency, FaultKind.Hold, FaultKind.Drop];
    static readonly FaultKind[] CallbackKinds = [FaultKind.Twice, FaultKind.OutOfOrder, FaultKind.Delay];

    public static string KindName(FaultKind kind) => kind == FaultKind.OutOfOrder ? "out-of-order" : kind.ToString().ToLowerInvariant();

    /// <summary>"out-of-order", "OutOfOrder" and "out_of_order" all name <see cref="FaultKind.OutOfOrder"/>.</summary>
    public static bool TryParseKind(string? text, out FaultKind kind)
    {
        kind = default;
        var name = text?.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return !string.IsNullOrWhiteSpace(name) && !int.TryParse(name, out _) && Enum.TryParse(name, ignoreCase: true, out kind);
    }

    /// <summary>The fault <paramref name="spec"/> describes, or what is wrong with it (field → messages).</summary>
    public static ActiveFault? Validate(FaultSpec spec, int id, out Dictionary<string, string[]> errors)
    {
        errors = [];
        ProviderEndpoint? endpoint = null;
        var isCallbacks = string.Equals(spec.Endpoint?.Trim(), ActiveFault.Callbacks, StringComparison.OrdinalIgnoreCase);
        if (!isCallbacks)
        {
            if (ProviderEndpoints.TryParse(spec.Endpoint, out var parsed))
            {
                endpoint = parsed;
            }
            else
            {
                errors["endpoint"] = [$"must be one of {ProviderEndpoints.Known}, or {ActiveFault.Callbacks}"];
            }
        }

        if (!TryParseKind(spec.Kind, out var kind))
        {
            errors["kind"] = ["must be status, error, latency, hold or drop (endpoints), twice, out-of-order or delay (callbacks)"];
        }
        else if (isCallbacks && !CallbackKinds.Contains(kind))
        {
            errors["kind"] = ["callbacks take twice, out-of-order or delay"];
        }
        else if (!isCallbacks && !EndpointKinds.Contains(kind))
        {
            errors["kind"] = ["endpoints take status, error, latency, hold or drop"];
        }

        if (spec.Count is < 1)
        {
            errors["count"] = ["must be at least 1 (leave it out for every call until cleared)"];
        }
        else if (kind == FaultKind.OutOfOrder && spec.Count is < 2)
        {
            errors["count"] = ["out-of-order needs at least 2 callbacks to reorder"];
        }

        var status = spec.Status;
        if (kind == FaultKind.Status)
        {
            status ??= StatusCodes.Status500InternalServerError;
            if (status is < 400 or > 599)
            {
                errors["status"] = ["must be an HTTP error status, 400 to 599"];
            }
        }
        else if (kind == FaultKind.Error && status is < 200 or > 599)
        {
            errors["status"] = ["must be an HTTP status, 200 to 599"];
        }

        if (kind == FaultKind.Error)
        {
            if (string.IsNullOrWhiteSpace(spec.Code))
            {
                errors["code"] = ["is required: the provider's error code, e.g. ERR_016 (Payguru) or 1001 (Paywall)"];
            }
            else if (endpoint?.IsPaywall() == true && !int.TryParse(spec.Code, out _))
            {
                errors["code"] = ["Paywall's ErrorCode is a number"];
            }
        }

        var delayMs = spec.DelayMs ?? (kind == FaultKind.Hold ? (int)DefaultHold.TotalMilliseconds : 0);
        if (kind is FaultKind.Latency or FaultKind.Delay or FaultKind.Hold && delayMs <= 0)
        {
            errors["delayMs"] = ["must be more than zero"];
        }

        return errors.Count > 0 ? null : new ActiveFault(id, endpoint, kind, spec.Count, status, spec.Code?.Trim(), spec.Message, delayMs);
    }
}
