using System.Xml.Linq;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Packaging;

/// <summary>
/// Every Dockerfile in the repository, read without a Docker engine (none runs here, so no image is built):
/// what it copies exists in the build context (the repository root), it copies exactly the projects the published
/// one needs, it builds on the SDK and runs on the ASP.NET runtime as a non-root user, and its entrypoint is the
/// published assembly in the folder the build stage's output was copied to.
/// </summary>
public sealed class DockerfileTests
{
    static readonly string[] RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    public static TheoryData<string> Dockerfiles() => [.. FindDockerfiles()];

    [Fact]
    public void Each_deployed_project_has_a_Dockerfile()
    {
        Assert.Equal(
            ["services/Gateway/Dockerfile", "services/RefundProcessor/Dockerfile", "tools/Payguru.Sandbox/Dockerfile"],
            FindDockerfiles());
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_COPY_source_exists_in_the_build_context(string dockerfile)
    {
        var sources = ContextCopies(Load(dockerfile)).SelectMany(copy => copy.Sources).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(
            File.Exists(InRepo(source)) || Directory.Exists(InRepo(source)),
            $"{dockerfile}: COPY {source} does not exist under the repository root"));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_project_it_names_exists(string dockerfile)
    {
        var projects = Load(dockerfile).Stages.SelectMany(stage => stage.Instructions)
            .SelectMany(instruction => Dockerfile.Words(instruction.Arguments))
            .Where(word => word.EndsWith(".csproj", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.True(File.Exists(InRepo(project)), $"{dockerfile}: {project} does not exist"));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void It_copies_the_build_settings_and_exactly_the_projects_the_published_one_references(string dockerfile)
    {
        var file = Load(dockerfile);
        var published = PublishedProject(file);
        var needed = ProjectClosure(published).Select(project => Relative(Path.GetDirectoryName(project)!) + "/").Order().ToList();
        var sources = ContextCopies(file).SelectMany(copy => copy.Sources).ToList();

        Assert.All(RootFiles, name => Assert.Contains(name, sources));
        Assert.Equal(needed, sources.Where(source => source.EndsWith('/')).Order());
        Assert.Equal(
            ProjectClosure(published).Select(Relative).Order(),
            sources.Where(source => source.EndsWith(".csproj", StringComparison.Ordinal)).Order());
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void It_builds_on_the_SDK_and_runs_on_the_ASP_NET_runtime_as_a_non_root_user(string dockerfile)
    {
        var file = Load(dockerfile);

        Assert.True(file.Stages.Count >= 2, $"{dockerfile}: not multi-stage");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", file.Stages[0].Image);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", file.Final.Image);
        var user = file.Final.All("USER").LastOrDefault();
        Assert.True(user is not null, $"{dockerfile}: the final stage sets no USER, so it runs as root");
        Assert.DoesNotContain(user.Arguments.Split(':')[0], new[] { "root", "0" });
        Assert.True(
            file.Final.Instructions.FindLastIndex(i => i.Keyword == "USER") > file.Final.Instructions.FindLastIndex(i => i.Keyword == "RUN"),
            $"{dockerfile}: a RUN after the last USER runs as root");
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Entrypoint_runs_the_published_assembly_where_the_build_output_was_copied(string dockerfile)
    {
        var file = Load(dockerfile);
        var published = PublishedProject(file);
        var entrypoint = Dockerfile.Words(Assert.Single(file.Final.All("ENTRYPOINT")).Arguments);

        Assert.Equal("dotnet", entrypoint[0]);
        var dll = entrypoint[1];
        Assert.Equal(AssemblyName(published) + ".dll", Path.GetFileName(dll));

        // COPY --from=<build stage> <publish -o> <destination>, the destination relative to the WORKDIR before it.
        var build = file.Stages.Single(stage => stage.All("RUN").Any(run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal)));
        var publish = Dockerfile.Words(build.All("RUN").Single(run => run.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments);
        var output = publish[publish.ToList().IndexOf("-o") + 1];
        var copyIndex = file.Final.Instructions.FindIndex(i => i.Keyword == "COPY" && i.Arguments.StartsWith($"--from={build.Name} ", StringComparison.Ordinal));
        Assert.True(copyIndex >= 0, $"{dockerfile}: the final stage does not copy from the {build.Name} stage");
        var copy = Dockerfile.Words(file.Final.Instructions[copyIndex].Arguments);
        Assert.Equal(output, copy[1]);
        var workdir = file.Final.Instructions.Take(copyIndex).Last(i => i.Keyword == "WORKDIR").Arguments;
        var destination = Path.GetFullPath(copy[2], workdir.EndsWith('/') ? workdir : workdir + "/");
        Assert.Equal(destination.TrimEnd('/'), Path.GetDirectoryName(dll));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Service_listens_on_every_interface_on_the_exposed_port(string dockerfile)
    {
        // The services' own default is loopback, unreachable from outside a container.
        var file = Load(dockerfile);
        var port = Assert.Single(file.Final.All("EXPOSE")).Arguments;

        Assert.Contains(file.Final.All("ENV"), env => env.Arguments == $"ASPNETCORE_URLS=http://+:{port}");
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Its_build_context_is_only_what_it_copies(string dockerfile)
    {
        // BuildKit reads <Dockerfile>.dockerignore instead of the root one: an allow-list keeps tests/, bench/,
        // .git and every other project out of the context sent to the engine.
        var ignoreFile = InRepo(dockerfile + ".dockerignore");
        Assert.True(File.Exists(ignoreFile), $"{dockerfile}: no {dockerfile}.dockerignore, so the whole repository is its build context");
        var patterns = File.ReadAllLines(ignoreFile).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var copied = ContextCopies(Load(dockerfile)).SelectMany(copy => copy.Sources)
            .Where(source => source.EndsWith('/') || !source.Contains('/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal("*", patterns[0]);
        Assert.Equal(copied, patterns.Where(pattern => pattern.StartsWith('!')).Select(pattern => pattern[1..]).Order(StringComparer.Ordinal));
        var lastException = patterns.FindLastIndex(pattern => pattern.StartsWith('!'));
        Assert.Contains("**/bin/", patterns[(lastException + 1)..]);
        Assert.Contains("**/obj/", patterns[(lastException + 1)..]);
    }

    static IEnumerable<string> FindDockerfiles() =>
        Directory.EnumerateFiles(RepoPaths.Root, "Dockerfile", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .Order(StringComparer.Ordinal);

    static Dockerfile Load(string dockerfile) => Dockerfile.Load(InRepo(dockerfile));

    /// <summary>COPY instructions that take from the build context (not from another stage), with their sources.</summary>
    static IEnumerable<(IReadOnlyList<string> Sources, string Destination)> ContextCopies(Dockerfile file) =>
        file.Stages.SelectMany(stage => stage.All("COPY"))
            .Select(copy => Dockerfile.Words(copy.Arguments))
            .Where(words => !words.Any(word => word.StartsWith("--from=", StringComparison.Ordinal)))
            .Select(words => words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList())
            .Select(words => ((IReadOnlyList<string>)words.Take(words.Count - 1).ToList(), words[^1]));

    static string PublishedProject(Dockerfile file)
    {
        var publish = file.Stages.SelectMany(stage => stage.All("RUN"))
            .Select(run => Dockerfile.Words(run.Arguments))
            .Single(words => words.Contains("publish"));
        return InRepo(publish.Single(word => word.EndsWith(".csproj", StringComparison.Ordinal)));
    }

    /// <summary>The project and every project it references, transitively (full paths).</summary>
    static IReadOnlyCollection<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, include)));
            }
        }

        return found;
    }

    static string AssemblyName(string project) =>
        XDocument.Load(project).Descendants("AssemblyName").LastOrDefault()?.Value.Trim() is { Length: > 0 } name
            ? name
            : Path.GetFileNameWithoutExtension(project);

    static string InRepo(string relative) => Path.Combine(RepoPaths.Root, relative.TrimStart('/'));

    static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
