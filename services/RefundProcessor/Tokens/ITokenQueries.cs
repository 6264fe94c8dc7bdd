namespace Payguru.RefundProcessor.Tokens;

/// <summary>The token statements that differ between dialects.</summary>
public interface ITokenQueries
{
    /// <summary>Creates the merchant's token row when missing (no error when present).</summary>
    string EnsureRow { get; }
}
