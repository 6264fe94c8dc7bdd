using Payguru.Sandbox.Paywall;
using Payguru.Sandbox.Stats;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Faults;

/// <summary>
/// Wraps a provider endpoint: counts the call (and while it is handled), then lets the faults in force
/// delay it, replace its answer, hold the answer, or drop the connection after the call has taken
/// effect. Delays and holds run on the sandbox's <see cref="TimeProvider"/>, so a test can drive them.
/// </summary>
public sealed class FaultFilter(ProviderEndpoint endpoint) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var stats = context.HttpContext.RequestServices.GetRequiredService<SandboxStats>();
        stats.Called(endpoint);
        try
        {
            return await HandleAsync(context, next, stats);
        }
        finally
        {
            stats.Handled();
        }
    }

    async ValueTask<object?> HandleAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, SandboxStats stats)
    {
        var http = context.HttpContext;
        var action = http.RequestServices.GetRequiredService<FaultBook>().TakeFor(endpoint);
        if (action.IsNone)
        {
            return await next(context);
        }

        stats.Faulted(endpoint);
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var logger = http.RequestServices.GetRequiredService<ILogger<FaultFilter>>();
        try
        {
            if (action.LatencyMs > 0)
            {
                logger.LogInformation("{Endpoint}: latency fault, waiting {DelayMs} ms", endpoint.Name(), action.LatencyMs);
                await Task.Delay(TimeSpan.FromMilliseconds(action.LatencyMs), time, http.RequestAborted);
            }

            var fault = action.Outcome;
            switch (fault?.Kind)
            {
                case null:
                    return await next(context);
                case FaultKind.Status:
                    logger.LogInformation("{Endpoint}: status fault, answering {Status}", endpoint.Name(), fault.Status);
                    return TypedResults.Text($"sandbox fault: HTTP {fault.Status}", "text/plain", statusCode: fault.Status);
                case FaultKind.Error:
                    logger.LogInformation("{Endpoint}: error fault, answering {Code}", endpoint.Name(), fault.Code);
                    return ErrorAnswer(fault);
                case FaultKind.Hold:
                    var held = await next(context);
                    logger.LogInformation("{Endpoint}: hold fault, holding the answer {DelayMs} ms", endpoint.Name(), fault.DelayMs);
                    await Task.Delay(TimeSpan.FromMilliseconds(fault.DelayMs), time, http.RequestAborted);
                    return held;
                default:
                    // Drop: the call takes effect, then the connection goes without an answer.
                    await next(context);
                    logger.LogInformation("{Endpoint}: drop fault, the call took effect and the answer is lost", endpoint.Name());
                    http.Abort();
                    return Results.Empty;
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while the fault held it: nobody is left to answer.
            return Results.Empty;
        }
    }

    IResult ErrorAnswer(ActiveFault fault)
    {
        var status = fault.Status ?? StatusCodes.Status200OK;
        return endpoint.IsPaywall()
            ? TypedResults.Json(PaywallAnswers.Error<object>(int.Parse(fault.Code!), fault.Message ?? "Injected error"), statusCode: status)
            : TypedResults.Json(PayguruAnswers.Error(fault.Code!, fault.Message), statusCode: status);
    }
}
