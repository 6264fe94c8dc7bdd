namespace OrderService;

/// <summary>The sample's own settings, from the <c>OrderService</c> section.</summary>
public sealed class OrderServiceSettings
{
    public const string SectionName = "OrderService";

    /// <summary>
    /// When set, every <c>PaymentAccepted</c> is answered with a <c>RequestRefund</c> of this amount
    /// (capped at the payment's amount). Off by default.
    /// </summary>
    public decimal? RefundOnPayment { get; set; }

    /// <summary>The account holder the refunds go to (demo value).</summary>
    public string ContactName { get; set; } = "Demo Customer";

    /// <summary>The IBAN the refunds go to (a demo IBAN that passes the ISO 13616 check). Never logged.</summary>
    public string Iban { get; set; } = "TR800011100000000036888459";
}
