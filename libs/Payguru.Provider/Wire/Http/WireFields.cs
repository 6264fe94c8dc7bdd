namespace Payguru.Provider.Wire.Http;

/// <summary>
/// The parameters of one Payguru call, each as the text that travelled, from whichever form it
/// came in. Names are exact, as PHP's <c>$_GET</c> reads them: <c>contact[name]</c>, not <c>Contact[Name]</c>.
/// </summary>
public sealed class WireFields(IReadOnlyDictionary<string, string> values)
{
    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

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
