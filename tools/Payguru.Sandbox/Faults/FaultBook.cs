using Microsoft.Extensions.Options;
using Payguru.Sandbox.Options;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Faults;

/// <summary>
/// The faults in force. Each call takes what applies to it: the first latency fault and the first
/// status/error/hold/drop fault of its endpoint, each counting down one use.
/// </summary>
public sealed class FaultBook
{
    readonly Lock gate = new();
    readonly List<ActiveFault> faults = [];
    readonly IReadOnlyList<FaultSpec> configured;
    int lastId;

    // Read without the lock on every call: no faults is the common case and must stay cheap.
    volatile int count;

    public FaultBook(IOptions<SandboxOptions> options)
    {
        configured = options.Value.Faults;
        Reset();
    }

    /// <summary>Adds the fault, or returns null with what is wrong with the spec.</summary>
    public ActiveFault? Add(FaultSpec spec, out Dictionary<string, string[]> errors)
    {
        lock (gate)
        {
            var fault = FaultSpecs.Validate(spec, lastId + 1, out errors);
            if (fault is not null)
            {
                lastId++;
                faults.Add(fault);
                count = faults.Count;
            }

            return fault;
        }
    }

    public IReadOnlyList<FaultView> List()
    {
        lock (gate)
        {
            return faults.Select(f => f.ToView()).ToList();
        }
    }

    public bool Remove(int id)
    {
        lock (gate)
        {
            var removed = faults.RemoveAll(f => f.Id == id) > 0;
            count = faults.Count;
            return removed;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            faults.Clear();
            count = 0;
        }
    }

    /// <summary>Back to the faults of <c>Sandbox:Faults</c> (validated at start-up).</summary>
    public void Reset()
    {
        lock (gate)
        {
            faults.Clear();
            foreach (var spec in configured)
            {
                var fault = FaultSpecs.Validate(spec, ++lastId, out _);
                if (fault is not null)
                {
                    faults.Add(fault);
                }
            }

            count = faults.Count;
        }
    }

    /// <summary>What the faults do to this call of <paramref name="endpoint"/>; each fault taken counts down one use.</summary>
    public FaultAction TakeFor(ProviderEndpoint endpoint)
    {
        if (count == 0)
        {
            return FaultAction.None;
        }

        lock (gate)
        {
            var latency = Take(f => f.Endpoint == endpoint && f.Kind == FaultKind.Latency);
            var outcome = Take(f => f.Endpoint == endpoint && f.Kind is FaultKind.Status or FaultKind.Error or FaultKind.Hold or FaultKind.Drop);
            return latency is null && outcome is null ? FaultAction.None : new FaultAction(latency?.DelayMs ?? 0, outcome);
        }
    }

    /// <summary>What the callback faults do to the next notification.</summary>
    public CallbackPlan TakeForCallback()
    {
        if (count == 0)
        {
            return CallbackPlan.Normal;
        }

        lock (gate)
        {
            var twice = Take(f => f.Endpoint is null && f.Kind == FaultKind.Twice);
            var delay = Take(f => f.Endpoint is null && f.Kind == FaultKind.Delay);
            var hold = faults.FirstOrDefault(f => f.Endpoint is null && f.Kind == FaultKind.OutOfOrder);
            var completes = false;
            if (hold is not null)
            {
                hold.Remaining--;
                completes = hold.IsUsedUp;
                if (completes)
                {
                    faults.Remove(hold);
                    count = faults.Count;
                }
            }

            return new CallbackPlan(twice is not null, delay?.DelayMs ?? 0, hold is not null, completes);
        }
    }

    /// <summary>True when an out-of-order fault is in force (clearing it must release what it holds).</summary>
    public bool HoldsCallbacks()
    {
        lock (gate)
        {
            return faults.Any(f => f.Kind == FaultKind.OutOfOrder);
        }
    }

    ActiveFault? Take(Func<ActiveFault, bool> applies)
    {
        var fault = faults.FirstOrDefault(applies);
        if (fault is null)
        {
            return null;
        }

        fault.Remaining--;
        if (fault.IsUsedUp)
        {
            faults.Remove(fault);
            count = faults.Count;
        }

        return fault;
    }
}
