using System.Globalization;

namespace OrderService.Cli;

/// <summary>
/// <c>refund --order ORDER-1001 --amount 1.00 [--iban IBAN] [--name NAME] [--service CODE] [--request-id GUID] [--timeout SECONDS]</c>
/// </summary>
public sealed record RefundCommandLine(
    string Order,
    decimal Amount,
    string? Iban,
    string? Name,
    string? ServiceCode,
    Guid RefundRequestId,
    TimeSpan Timeout)
{
    public const string Usage =
        "usage: OrderService refund --order ORDER --amount 1.00 [--iban IBAN] [--name NAME] [--service CODE] [--request-id GUID] [--timeout SECONDS]\n" +
        "  --request-id  the idempotency key; pass the one printed by an earlier run to retry it (default: a new one)\n" +
        "  --timeout     how long to wait for RefundSubmitted or RefundRejected (default: 30)";

    /// <summary>Parses the arguments after <c>refund</c>; null with <paramref name="error"/> set when they are not valid.</summary>
    public static RefundCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        if (CommandOptions.Parse(args, ["order", "amount", "iban", "name", "service", "request-id", "timeout"], out error) is not { } values)
        {
            return null;
        }

        if (!values.TryGetValue("order", out var order) || string.IsNullOrWhiteSpace(order))
        {
            error = "--order is required";
            return null;
        }

        if (!values.TryGetValue("amount", out var amountText)
            || !decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            error = "--amount is required, a decimal number such as 1.00";
            return null;
        }

        var requestId = Guid.NewGuid();
        if (values.TryGetValue("request-id", out var requestIdText) && !Guid.TryParse(requestIdText, out requestId))
        {
            error = "--request-id must be a GUID";
            return null;
        }

        if (CommandOptions.Timeout(values, out error) is not { } timeout)
        {
            return null;
        }

        return new RefundCommandLine(
            order,
            amount,
            values.GetValueOrDefault("iban"),
            values.GetValueOrDefault("name"),
            values.GetValueOrDefault("service"),
            requestId,
            timeout);
    }
}
