using System.Text.Json;
using Payguru.Provider.Wire.Paywall;
using Refit;

namespace Payguru.Provider.Client.Paywall;

/// <summary>
/// Paywall answers an error with its envelope under an error HTTP status, where Refit leaves the content unread:
/// the envelope is taken from the error's body, so Paywall's <c>ErrorCode</c> and message reach the caller.
/// </summary>
public static class PaywallAnswers
{
    public static PaywallAnswer<T> Read<T>(IApiResponse<PaywallEnvelope<T>> response)
        where T : class
    {
        if (!response.IsSuccessStatusCode && response.Error is { } error and not ApiException)
        {
            // No HTTP answer at all (a lost connection): Refit reports it here instead of throwing.
            return new PaywallAnswer<T>.Unknown($"{error.GetType().Name}: {error.Message}");
        }

        var status = response.StatusCode is { } code ? (int)code : 0;
        var envelope = response.IsSuccessStatusCode ? response.Content : EnvelopeOf<T>((response.Error as ApiException)?.Content);
        if (envelope is null)
        {
            return new PaywallAnswer<T>.Unknown(response.IsSuccessStatusCode
                ? $"HTTP {status} without a readable Paywall envelope"
                : $"HTTP {status} without a Paywall envelope");
        }

        if (envelope.IsSuccess)
        {
            return envelope.Body is not null
                ? new PaywallAnswer<T>.Succeeded(envelope.Body)
                : new PaywallAnswer<T>.Unknown("a successful Paywall envelope without a body");
        }

        var message = !string.IsNullOrWhiteSpace(envelope.Message) ? envelope.Message : envelope.ErrorMessage ?? "";
        return new PaywallAnswer<T>.Refused(envelope.ErrorCode, message, status);
    }

    /// <param name="deadline">How long the whole call may take; past it the call is cut off.</param>
    public static async Task<PaywallAnswer<T>> CallAsync<T>(
        Func<CancellationToken, Task<IApiResponse<PaywallEnvelope<T>>>> call, TimeSpan deadline, CancellationToken cancellationToken)
        where T : class
    {
        using var cutOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cutOff.CancelAfter(deadline);
        try
        {
            using var response = await call(cutOff.Token);
            return Read(response);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timeouts, refused or reset connections, an open circuit.
            return new PaywallAnswer<T>.Unknown($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    static PaywallEnvelope<T>? EnvelopeOf<T>(string? body)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            // Only an object that carries the envelope's ErrorCode counts; a 5xx page or other JSON does not.
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("ErrorCode", out _)
                ? document.RootElement.Deserialize<PaywallEnvelope<T>>()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
