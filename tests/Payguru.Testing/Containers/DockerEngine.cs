using DotNet.Testcontainers.Configurations;

namespace Payguru.Testing.Containers;

/// <summary>
/// Whether a Docker engine answers, found as Testcontainers finds it (DOCKER_HOST, ~/.testcontainers.properties,
/// the Docker context, /var/run/docker.sock) and asked once per test run. Without an endpoint the answer comes at
/// once; Testcontainers pings a found endpoint without a deadline, so an engine that never answers is given up on
/// after <see cref="Deadline"/> instead of holding every test that asks.
/// </summary>
public static class DockerEngine
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    static readonly Lazy<Task<string?>> Unavailable = new(FindAsync);

    /// <summary>Why no container can be started here, or null when a Docker engine answers.</summary>
    public static Task<string?> UnavailableReasonAsync() => Unavailable.Value;

    static async Task<string?> FindAsync()
    {
        try
        {
            var endpoint = await Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig).WaitAsync(Deadline);
            return endpoint is null
                ? "no Docker engine answers (DOCKER_HOST, the Docker context and /var/run/docker.sock were tried)"
                : null;
        }
        catch (TimeoutException)
        {
            return $"the Docker engine did not answer within {Deadline.TotalSeconds:0} s";
        }
    }
}
