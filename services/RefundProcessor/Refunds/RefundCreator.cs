using Payguru.Provider.Client;
using Payguru.Provider.Wire;
using Refit;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>Calls <c>refund/create</c> once and says what came of it. Never retries: create is not idempotent.</summary>
public sealed class RefundCreator(IPayguruRefundsApi api)
{
    /// <param name="deadline">
    /// How long the whole call may take, token fetch included; past it the call is cut off, so that
    /// nothing is sent after the attempt that made it may be taken over.
    /// </param>
    public async Task<RefundCreateOutcome> CreateAsync(RefundRecord refund, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var form = RefundCreateForm.Create(refund.ServiceCode!, refund.Amount, refund.Order, refund.ContactName, refund.Iban);
        IApiResponse<RefundCreateAnswer> response;
        using var cutOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cutOff.CancelAfter(deadline);
        try
        {
            response = await api.CreateAsync(form, cutOff.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timeouts, refused or reset connections, an open circuit: whether Payguru made it is unknown.
            return new RefundCreateOutcome.Unknown($"{exception.GetType().Name}: {exception.Message}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode || response.Content is null)
            {
                var status = response.StatusCode is { } code ? (int)code : 0;
                return new RefundCreateOutcome.Unknown(response.Error is null
                    ? $"HTTP {status} without a readable answer"
                    : $"HTTP {status}: {response.Error.GetType().Name}");
            }

            var answer = response.Content;
            if (answer.IsSuccess)
            {
                return long.TryParse(answer.RefundId, out var refundId)
                    ? new RefundCreateOutcome.Created(refundId)
                    : new RefundCreateOutcome.Unknown("000 without a numeric refund_id");
            }

            // An ERR_016 left after the handler's one refresh and retry: nothing was made, the next attempt may try again.
            if (answer.Status == PayguruStatusCodes.InvalidToken)
            {
                return new RefundCreateOutcome.Unknown("ERR_016 Invalid Token after a refresh");
            }

            return new RefundCreateOutcome.Refused(answer.Status, answer.Message ?? "");
        }
    }
}
