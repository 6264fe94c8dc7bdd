namespace OrderService.Cli;

/// <summary><c>identity --order ORDER-1001 --tckn 10000000146 [--timeout SECONDS]</c></summary>
public sealed record IdentityCommandLine(string Order, string Tckn, TimeSpan Timeout)
{
    public const string Usage =
        "usage: OrderService identity --order ORDER --tckn TCKN [--timeout SECONDS]\n" +
        "  --timeout     how long to wait for OrderIdentityRegistered or OrderIdentityRejected (default: 30)";

    /// <summary>Parses the arguments after <c>identity</c>; null with <paramref name="error"/> set when they are not valid.</summary>
    public static IdentityCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        if (CommandOptions.Parse(args, ["order", "tckn", "timeout"], out error) is not { } values)
        {
            return null;
        }

        if (!values.TryGetValue("order", out var order) || string.IsNullOrWhiteSpace(order))
        {
            error = "--order is required";
            return null;
        }

        // The processor checks the TCKN itself and answers OrderIdentityRejected with the reason.
        if (!values.TryGetValue("tckn", out var tckn) || string.IsNullOrWhiteSpace(tckn))
        {
            error = "--tckn is required";
            return null;
        }

        if (CommandOptions.Timeout(values, out error) is not { } timeout)
        {
            return null;
        }

        return new IdentityCommandLine(order, tckn, timeout);
    }
}
