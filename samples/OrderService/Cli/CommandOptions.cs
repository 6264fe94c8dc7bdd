using System.Globalization;

namespace OrderService.Cli;

/// <summary>The <c>--option value</c> pairs of a one-shot command, shared by its command lines.</summary>
public static class CommandOptions
{
    /// <summary>
    /// The options by name (without <c>--</c>); null with <paramref name="error"/> set when a word is not
    /// <c>--option value</c> or names an option not in <paramref name="known"/>.
    /// </summary>
    public static Dictionary<string, string>? Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, out string? error)
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

        if (values.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown)
        {
            error = $"unknown option --{unknown}";
            return null;
        }

        error = null;
        return values;
    }

    /// <summary><c>--timeout</c> in whole seconds, 30 when not given; null with <paramref name="error"/> set when it is not one.</summary>
    public static TimeSpan? Timeout(IReadOnlyDictionary<string, string> values, out string? error)
    {
        var timeoutSeconds = 30;
        if (values.TryGetValue("timeout", out var timeoutText)
            && (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out timeoutSeconds) || timeoutSeconds <= 0))
        {
            error = "--timeout must be a whole number of seconds";
            return null;
        }

        error = null;
        return TimeSpan.FromSeconds(timeoutSeconds);
    }
}
