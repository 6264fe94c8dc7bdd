using System.Net;
using System.Text;
using System.Text.Json;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Logging;

/// <summary>
/// The named secrets a run used and the check of every captured log line against them. A leak is reported with the
/// secret's name, the process and the line, the secret itself replaced by its name so the report leaks nothing.
/// </summary>
public sealed class LogLeakScanner
{
    readonly List<(string Name, string Value)> _secrets = [];

    public IReadOnlyList<(string Name, string Value)> Secrets => _secrets;

    /// <summary>Adds <paramref name="value"/> under <paramref name="name"/>; an IBAN also in its spaced form (groups of four).</summary>
    public void Add(string name, string value)
    {
        Assert.False(string.IsNullOrWhiteSpace(value), $"the secret {name} is empty: the test did not capture it");
        _secrets.Add((name, value));
    }

    public void AddIban(string name, string iban)
    {
        var compact = iban.Replace(" ", "", StringComparison.Ordinal);
        Add(name, compact);
        Add($"{name} (spaced)", string.Join(' ', compact.Chunk(4).Select(group => new string(group))));
    }

    /// <summary>
    /// Every line of every process: its raw text, the same URL-decoded (a query string's "Demo%20Customer") and, for a
    /// JSON line, the decoded text of each string value (so an escaped character cannot hide a secret). Returns the
    /// leaks, one message each.
    /// </summary>
    public IReadOnlyList<string> FindLeaks(IEnumerable<ServiceProcess> processes)
    {
        var leaks = new List<string>();
        foreach (var process in processes)
        {
            foreach (var line in process.Output)
            {
                var json = DecodedStrings(line.Text);
                var texts = new[] { line.Text, WebUtility.UrlDecode(line.Text), json, WebUtility.UrlDecode(json) };
                foreach (var (name, value) in _secrets)
                {
                    if (texts.Any(text => text.Contains(value, StringComparison.OrdinalIgnoreCase)))
                    {
                        leaks.Add($"{process.Name} line {line.Index} wrote {name}: {Mask(line.Text)}");
                    }
                }
            }
        }

        return leaks;
    }

    /// <summary>The line with every secret replaced by its name, cut to a readable length.</summary>
    public string Mask(string line)
    {
        foreach (var (name, value) in _secrets)
        {
            line = line.Replace(value, $"<{name}>", StringComparison.OrdinalIgnoreCase);
        }

        return line.Length > 600 ? line[..600] + "…" : line;
    }

    static string DecodedStrings(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var text = new StringBuilder();
            Collect(document.RootElement, text);
            return text.ToString();
        }
        catch (JsonException)
        {
            return "";
        }
    }

    static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, text);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, text);
                }

                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
