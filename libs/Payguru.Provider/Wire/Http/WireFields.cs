namespace Payguru.Provider.Wire.Http;

/// <summary>A Payguru call's parameters as the text that travelled. Names are exact, as PHP reads them: <c>contact[name]</c>, not <c>Contact[Name]</c>.</summary>
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

    /// <summary>Null when absent, empty or blank: an optional field that is not known (yet).</summary>
    public string? Optional(string name) => string.IsNullOrWhiteSpace(this[name]) ? null : this[name];

    /// <summary>An optional Payguru time (<see cref="WireValues.TryParseTurkeyTime"/>): false only for one given that is not a time.</summary>
    public bool TryGetTurkeyTime(string name, out DateTimeOffset? value)
    {
        var text = Optional(name);
        var parsed = WireValues.TryParseTurkeyTime(text ?? "", out var time);
        value = parsed ? time : null;
        return text is null || parsed;
    }
}
