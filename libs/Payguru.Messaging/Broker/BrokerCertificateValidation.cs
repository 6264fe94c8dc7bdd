using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Payguru.Messaging.Broker;

/// <summary>
/// The broker's certificate must be issued to the expected name and chain to <c>RabbitMq:TrustedCaFile</c> (or the
/// machine's trust store). MassTransit alone would accept an untrusted chain; this callback replaces that.
/// </summary>
public sealed class BrokerCertificateValidation(BrokerAddress address)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        Explain(certificate, chain, errors) is null;

    /// <returns>Null when the certificate is accepted, else the reason.</returns>
    public string? Explain(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the broker sent no certificate";
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            var expected = address.TlsServerName is null ? "the host name (RabbitMq:TlsServerName is unset)" : $"RabbitMq:TlsServerName '{address.TlsServerName}'";
            return $"the broker's certificate ({presented.Subject}) is not issued to {expected}";
        }

        if (address.TrustedCas is null)
        {
            return errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)
                ? $"the broker's certificate ({presented.Subject}, issued by {presented.Issuer}) is not trusted by this machine: set RabbitMq:TrustedCaFile to the CA that issued it"
                : null;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(address.TrustedCas);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Intermediates the broker sent.
        custom.ChainPolicy.ExtraStore.AddRange(chain?.ChainElements.Select(element => element.Certificate).ToArray() ?? []);

        return custom.Build(presented)
            ? null
            : $"the broker's certificate ({presented.Subject}, issued by {presented.Issuer}) does not chain to a CA in RabbitMq:TrustedCaFile " +
              $"({string.Join(", ", custom.ChainStatus.Select(s => s.Status))})";
    }
}
