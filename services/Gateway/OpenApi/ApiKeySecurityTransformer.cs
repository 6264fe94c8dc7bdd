using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payguru.Gateway.Security;

namespace Payguru.Gateway.OpenApi;

/// <summary>
/// Declares the <c>X-Api-Key</c> header scheme in the OpenAPI document and requires it for the
/// whole document: every operation the document describes (the refund API) needs a key. The
/// Payguru callbacks, which are signed instead, are left out of the document.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyVerifier.HeaderName,
            Description = "One of the keys configured in Gateway:ApiKeys.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
