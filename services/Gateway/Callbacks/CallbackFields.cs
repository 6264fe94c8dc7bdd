namespace Payguru.Gateway.Callbacks;

/// <summary>
/// The fields of one provider callback, each exactly as it travelled on the wire, whichever
/// form it came in (GET query, POST form, POST JSON). Keys are signed over these texts.
/// </summary>
public sealed class CallbackFields(IReadOnlyDictionary<string, string> values)
{
    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first of <paramref name="names"/> that is missing or blank, or null when all are present.</summary>
    public string? FirstMissing(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(this[name]))
            {
                return name;
            }
        }

        return null;
    }
}
