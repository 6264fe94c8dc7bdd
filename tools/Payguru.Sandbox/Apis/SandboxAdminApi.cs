using Microsoft.AspNetCore.Http.HttpResults;
using Payguru.Sandbox.Admin;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Settings;
using Payguru.Sandbox.Stats;

namespace Payguru.Sandbox.Apis;

/// <summary>The sandbox itself: <c>/_sandbox/stats</c>, <c>/_sandbox/reset</c>, <c>/_sandbox/settings</c>.</summary>
public static class SandboxAdminApi
{
    public static IEndpointRouteBuilder MapSandboxAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/stats", Stats);
        admin.MapPost("/reset", Reset);
        admin.MapGet("/settings", (SandboxSettings settings) => TypedResults.Ok(settings.Current));
        admin.MapPatch("/settings", ChangeSettings);
        return app;
    }

    static Ok<StatsSnapshot> Stats(SandboxStats stats, CallbackDispatcher callbacks) =>
        TypedResults.Ok(stats.Snapshot(callbacks.Pending, callbacks.Held));

    static NoContent Reset(SandboxReset reset)
    {
        reset.Reset();
        return TypedResults.NoContent();
    }

    static Results<Ok<RuntimeSettings>, ValidationProblem> ChangeSettings(SettingsPatch patch, SandboxSettings settings)
    {
        var errors = settings.Apply(patch);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(settings.Current);
    }
}
