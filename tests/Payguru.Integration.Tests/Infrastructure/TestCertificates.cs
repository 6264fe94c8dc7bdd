using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// A CA and certificates made with openssl for a TLS test: the broker's (localhost, 127.0.0.1) signed by the CA, a
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
        const string commands = """
            set -eu
            days=2
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days -subj "/CN=Payguru Test CA"
            openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days $days -subj "/CN=Someone Else's CA"
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
            printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > server.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days $days -extfile server.ext
            openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=payguru-client"
            printf 'extendedKeyUsage=clientAuth\n' > client.ext
            openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days $days -extfile client.ext
            openssl pkcs12 -export -in client.pem -inkey client.key -out client.pfx -passout env:CLIENT_PASSWORD
            chmod 0644 server.key
            """;
        await using var openssl = ServiceProcess.Start(
            "bash", ["-c", commands], new Dictionary<string, string?> { ["CLIENT_PASSWORD"] = ClientPassword }, certificates.Directory, name: "openssl");
        if (await openssl.WaitForExitAsync(TimeSpan.FromMinutes(1)) != 0)
        {
            certificates.Dispose();
            throw new InvalidOperationException($"openssl failed:\n{openssl.OutputText}");
        }

        return certificates;
    }

    public void Dispose() => _directory.Dispose();
}
