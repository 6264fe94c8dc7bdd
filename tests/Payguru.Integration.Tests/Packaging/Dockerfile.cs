namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// A Dockerfile read as its instructions (comments dropped, continued lines joined), grouped by build stage,
/// enough to check it without a Docker engine.
/// </summary>
public sealed class Dockerfile
{
    Dockerfile(string path, IReadOnlyList<DockerfileStage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    public DockerfileStage Final => Stages[^1];

    public static Dockerfile Load(string path)
    {
        var stages = new List<DockerfileStage>();
        foreach (var line in LogicalLines(File.ReadAllLines(path)))
        {
            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            var instruction = new DockerfileInstruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : "");
            if (instruction.Keyword == "FROM")
            {
                stages.Add(new DockerfileStage(instruction.Arguments));
            }
            else if (stages.Count == 0)
            {
                throw new FormatException($"{path}: {instruction.Keyword} before the first FROM");
            }
            else
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(path, stages);
    }

    /// <summary>The words of an instruction's arguments: the JSON array form or whitespace-separated.</summary>
    public static IReadOnlyList<string> Words(string arguments) =>
        arguments.StartsWith('[')
            ? System.Text.Json.JsonSerializer.Deserialize<string[]>(arguments) ?? []
            : arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Length > 0)
            {
                yield return current;
            }

            current = "";
        }
    }
}
