namespace Payguru.Api.Configuration;

/// <summary>One entry of <c>Payguru:Services</c>.</summary>
public sealed class PayguruServiceOptions
{
    public string Code { get; set; } = "";

    public string Key { get; set; } = "";
}
