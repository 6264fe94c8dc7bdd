using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Faults;
using Payguru.Sandbox.Tokens;

namespace Payguru.Sandbox.Apis;

/// <summary>
/// Fault injection: <c>/_sandbox/faults</c> (endpoint and callback faults), <c>/_sandbox/tokens/invalidate</c>
/// (an ERR_016 storm) and <c>/_sandbox/callbacks/flush</c> (release what out-of-order holds).
/// </summary>
public static class FaultAdminApi
{
    public static IEndpointRouteBuilder MapFaultAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/faults", (FaultBook faults) => TypedResults.Ok(faults.List()));
        admin.MapPost("/faults", Add);
        admin.MapDelete("/faults", Clear);
        admin.MapDelete("/faults/{id:int}", Remove);
        admin.MapPost("/tokens/invalidate", (TokenBook tokens) => TypedResults.Ok(new TokensInvalidatedAnswer(tokens.InvalidateAll())));
        admin.MapPost("/callbacks/flush", (CallbackDispatcher callbacks) => TypedResults.Ok(new CallbacksReleasedAnswer(callbacks.ReleaseHeld())));
        return app;
    }

    static Results<Created<FaultView>, ValidationProblem> Add(FaultSpec spec, FaultBook faults, ILogger<FaultBook> logger)
    {
        var fault = faults.Add(spec, out var errors);
        if (fault is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = fault.ToView();
        logger.LogInformation(
            "Fault {Id} in force: {Endpoint} {Kind}, {Span}", view.Id, view.Endpoint, view.Kind,
            view.Count is { } count ? $"for the next {count}" : "until cleared");
        return TypedResults.Created($"/_sandbox/faults/{view.Id}", view);
    }

    /// <summary>Ends every fault; callbacks held for reordering go out (newest first).</summary>
    static Ok<CallbacksReleasedAnswer> Clear(FaultBook faults, CallbackDispatcher callbacks)
    {
        faults.Clear();
        return TypedResults.Ok(new CallbacksReleasedAnswer(callbacks.ReleaseHeld()));
    }

    static Results<NoContent, NotFound> Remove(int id, FaultBook faults, CallbackDispatcher callbacks)
    {
        if (!faults.Remove(id))
        {
            return TypedResults.NotFound();
        }

        // Without an out-of-order fault nothing may stay held.
        if (!faults.HoldsCallbacks())
        {
            callbacks.ReleaseHeld();
        }

        return TypedResults.NoContent();
    }
}
