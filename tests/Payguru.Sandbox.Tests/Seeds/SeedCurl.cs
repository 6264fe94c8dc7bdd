using System.Diagnostics;
using System.Text;

namespace Payguru.Sandbox.Tests.Seeds;

/// <summary>
/// Runs a curl command line from the seeds as it is written, with Payguru's address replaced by the
/// sandbox's: through <c>/bin/sh -c</c> with the real curl when there is one, else as an HttpClient
/// request with the same method, URL and headers.
/// </summary>
public static class SeedCurl
{
    public const string PayguruAddress = "https://api.payguru.com";

    public static bool HasCurl { get; } = File.Exists("/usr/bin/curl") || File.Exists("/bin/curl") || File.Exists("/usr/local/bin/curl");

    /// <summary>curl's exit code (0 for the HttpClient fallback) and what it wrote to stdout.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string sample, string sandboxUrl)
    {
        Assert.Contains(PayguruAddress, sample);
        var commandLine = sample.Replace(PayguruAddress, sandboxUrl, StringComparison.Ordinal);
        return HasCurl ? await RunCurlAsync(commandLine) : await RunHttpClientAsync(commandLine);
    }

    static async Task<(int, string)> RunCurlAsync(string commandLine)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", commandLine },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // The sandbox is on loopback: no proxy from the environment may stand in between.
        startInfo.Environment["NO_PROXY"] = "*";
        using var curl = Process.Start(startInfo)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var errors = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await errors;
        return (curl.ExitCode, await output);
    }

    static async Task<(int, string)> RunHttpClientAsync(string commandLine)
    {
        var words = Split(commandLine);
        Assert.Equal("curl", words[0]);
        var method = HttpMethod.Get;
        string? url = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X":
                    method = new HttpMethod(words[++i]);
                    break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':');
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "--globoff":
                    break;
                default:
                    url = words[i];
                    break;
            }
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        return (0, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Splits a command line into words the way sh does for the seeds' samples (double quotes only).</summary>
    static List<string> Split(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
