using System.Text.RegularExpressions;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>One <c>FROM image [AS name]</c> and the instructions after it.</summary>
public sealed partial class DockerfileStage
{
    public DockerfileStage(string from)
    {
        var match = FromPattern().Match(from);
        if (!match.Success)
        {
            throw new FormatException($"FROM {from}: not 'image [AS name]'");
        }

        Image = match.Groups["image"].Value;
        Name = match.Groups["name"].Success ? match.Groups["name"].Value : null;
    }

    public string Image { get; }

    public string? Name { get; }

    public List<DockerfileInstruction> Instructions { get; } = [];

    public IEnumerable<DockerfileInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    [GeneratedRegex(@"^(?<image>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromPattern();
}
