using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payguru.Gateway.Refunds;

namespace Payguru.Gateway.OpenApi;

/// <summary>
/// <see cref="RefundRequestBody"/>'s properties are nullable only so that a missing one can be
/// reported by name; a required property must not be null. The schema says so.
/// </summary>
public sealed class RefundRequestBodySchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(RefundRequestBody) || schema.Properties is null || schema.Required is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (schema.Required.Contains(name) && property is OpenApiSchema { Type: { } type } concrete)
            {
                concrete.Type = type & ~JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }
}
