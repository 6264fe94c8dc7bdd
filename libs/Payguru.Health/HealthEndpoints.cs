using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payguru.Health;

public static class HealthEndpoints
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers (runs no check). <c>/health/ready</c>: every check tagged
    /// <see cref="HealthTags.Ready"/> is healthy; a degraded one (e.g. some bus endpoints down) is not ready either.
    /// Both answer JSON: 200 when healthy, 503 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAnswerAsync,
        });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Ready),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAnswerAsync,
        });
        return endpoints;
    }

    static Task WriteAnswerAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString());
        return context.Response.WriteAsJsonAsync(new HealthAnswer(report.Status.ToString(), checks));
    }
}
