using System.Text.Json;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Requests;

/// <summary>
/// The HTTP API's JSON bodies (<c>POST /refunds</c>, <c>POST /client-tokens</c>): read whole up to the
/// endpoint's limit (<see cref="BoundedBody"/>, chunked bodies included), parsed as one JSON object
/// (<see cref="JsonObjectBody"/>), then read by the endpoint; a body that is neither is refused under
/// <see cref="ReadResult{T}.BodyField"/> with its status (400, or 408 when sent too slowly).
/// </summary>
public static class JsonRequestBody
{
    public static async Task<ReadResult<T>> ReadAsync<T>(
        HttpRequest request, long maxBytes, Func<JsonElement, ReadResult<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonObjectBody.Parse(await BoundedBody.ReadAsync(request, maxBytes, cancellationToken));
        }
        catch (WireFormatException exception)
        {
            return ReadResult<T>.Failure(ReadResult<T>.BodyField, exception.Message, exception.StatusCode);
        }

        using (document)
        {
            return read(document.RootElement);
        }
    }
}
