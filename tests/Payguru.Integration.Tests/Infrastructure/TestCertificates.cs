using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// A CA and certificates made with openssl (scripts/tls-certificates.sh) for a TLS test: the broker's (localhost, 127.0.0.1) signed by the CA, a
/// client certificate signed by the CA (PKCS#12 with <see cref="ClientPassword"/>), and a second CA nobody trusts.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string ClientPassword = "client-cert-Pa55";

    readonly TempDirectory _directory = new("payguru-tls");

    TestCertificates()
    {
    }

    /// <summary>ca.pem, server.pem and server.key, as scripts/rabbitmq-cluster.sh takes them (CLUSTER_TLS_DIR).</summary>
    public string Directory => _directory.Path;

    public string CaFile => _directory.File("ca.pem");

    public string UntrustedCaFile => _directory.File("other-ca.pem");

    public string ClientCertificateFile => _directory.File("client.pfx");

    public static async Task<TestCertificates> CreateAsync()
    {
        var certificates = new TestCertificates();
        await using var openssl = ServiceProcess.Start(
            "bash", [Path.Combine(RepoPaths.Root, "scripts", "tls-certificates.sh"), certificates.Directory, "localhost"],
            new Dictionary<string, string?> { ["CLIENT_PASSWORD"] = ClientPassword }, RepoPaths.Root, name: "tls-certificates.sh");
        if (await openssl.WaitForExitAsync(TimeSpan.FromMinutes(1)) != 0)
        {
            certificates.Dispose();
            throw new InvalidOperationException($"openssl failed:\n{openssl.OutputText}");
        }

        return certificates;
    }

    public void Dispose() => _directory.Dispose();
}
