using System.Globalization;

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
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"expected '--option value', got '{args[i]}'";
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        string[] known = ["order", "tckn", "timeout"];
        if (values.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown)
        {
            error = $"unknown option --{unknown}";
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

        var timeoutSeconds = 30;
        if (values.TryGetValue("timeout", out var timeoutText)
            && (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out timeoutSeconds) || timeoutSeconds <= 0))
        {
            error = "--timeout must be a whole number of seconds";
            return null;
        }

        error = null;
        return new IdentityCommandLine(order, tckn, TimeSpan.FromSeconds(timeoutSeconds));
    }
}
