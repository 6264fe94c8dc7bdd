using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Payguru.Provider.Wire.Http;

/// <summary>
/// Every request body the gateway and the sandbox read: whole, up to a limit (a chunked body is stopped there, not
/// buffered first), or refused with a <see cref="WireFormatException"/>.
/// </summary>
public static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // Kestrel then stops a body at the limit itself, before it is buffered anywhere.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own refusals; its message names framework details, so only the status is kept.
            throw exception.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => TooLarge(maxBytes),
                StatusCodes.Status408RequestTimeout => new WireFormatException("the body arrived too slowly", StatusCodes.Status408RequestTimeout),
                _ => CutShort(),
            };
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CutShort();
        }

        return buffer.ToArray();
    }

    // 400 rather than 413: the gateway's callers have always read a refused body as 400.
    static WireFormatException TooLarge(long maxBytes) => new($"the body is too large: at most {maxBytes} bytes");

    static WireFormatException CutShort() => new("the body is malformed or ended before it was complete");
}
