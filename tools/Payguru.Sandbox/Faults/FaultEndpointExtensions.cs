using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Faults;

public static class FaultEndpointExtensions
{
    /// <summary>Counts the endpoint's calls and subjects them to the faults in force for <paramref name="endpoint"/>.</summary>
    public static RouteHandlerBuilder WithFaults(this RouteHandlerBuilder builder, ProviderEndpoint endpoint) =>
        builder.AddEndpointFilter(new FaultFilter(endpoint)).WithName(endpoint.Name());
}
