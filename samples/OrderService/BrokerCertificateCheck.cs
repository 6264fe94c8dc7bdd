using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrderService;

/// <summary>
/// The check of the broker's TLS certificate: it must carry the expected name and chain to the machine's trust store,
/// or to <c>RabbitMq:TrustedCaFile</c> when one is given (a private CA). MassTransit's own callback accepts an
/// untrusted chain, so this one replaces it.
/// </summary>
public sealed class BrokerCertificateCheck
{
    readonly X509Certificate2Collection? _trusted;

    public BrokerCertificateCheck(string? trustedCaFile)
    {
        if (trustedCaFile is null)
        {
            return;
        }

        if (!File.Exists(trustedCaFile))
        {
            throw new InvalidOperationException($"RabbitMq:TrustedCaFile '{trustedCaFile}' does not exist.");
        }

        _trusted = [];
        try
        {
            _trusted.ImportFromPemFile(trustedCaFile);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            _trusted.Add(X509CertificateLoader.LoadCertificateFromFile(trustedCaFile));
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (_trusted is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trusted);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return custom.Build(presented);
    }
}
