using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Broker;

/// <summary>Loads <c>RabbitMq:TrustedCaFile</c> and <c>RabbitMq:ClientCertificatePath</c> at start, so a wrong file or password fails the start.</summary>
public static class BrokerCertificateFiles
{
    public static (X509Certificate2Collection? TrustedCas, X509Certificate2? ClientCertificate) Load(RabbitMqOptions options, List<string> problems) =>
        (LoadCas(options.TrustedCaFile, problems), LoadClientCertificate(options, problems));

    static X509Certificate2Collection? LoadCas(string? path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path) || !Exists("RabbitMq:TrustedCaFile", path, problems))
        {
            return null;
        }

        try
        {
            var cas = new X509Certificate2Collection();
            cas.ImportFromPemFile(path);
            if (cas.Count == 0)
            {
                // Not PEM: one DER certificate.
                cas.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return cas;
        }
        catch (CryptographicException)
        {
            problems.Add($"RabbitMq:TrustedCaFile '{path}' holds no certificate (PEM or DER expected).");
            return null;
        }
    }

    static X509Certificate2? LoadClientCertificate(RabbitMqOptions options, List<string> problems)
    {
        var path = options.ClientCertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!string.IsNullOrEmpty(options.ClientCertificatePassword))
            {
                problems.Add("RabbitMq:ClientCertificatePassword is set without RabbitMq:ClientCertificatePath.");
            }

            return null;
        }

        if (!Exists("RabbitMq:ClientCertificatePath", path, problems))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.ClientCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                problems.Add($"RabbitMq:ClientCertificatePath '{path}' holds no private key (a PKCS#12 file with the key is expected).");
                return null;
            }

            return certificate;
        }
        catch (CryptographicException)
        {
            // The password is never repeated.
            problems.Add($"RabbitMq:ClientCertificatePath '{path}' could not be opened with RabbitMq:ClientCertificatePassword (wrong password, or not a PKCS#12 file).");
            return null;
        }
    }

    static bool Exists(string setting, string path, List<string> problems)
    {
        var exists = File.Exists(path);
        if (!exists)
        {
            problems.Add($"{setting} '{path}' does not exist.");
        }

        return exists;
    }
}
