namespace Payguru.Provider.Configuration;

public sealed class PayguruServiceOptions
{
    /// <summary>Longer than any code Payguru gives; stored codes' columns are sized for it.</summary>
    public const int MaxCodeLength = 100;

    public string Code { get; set; } = "";

    public string Key { get; set; } = "";
}
