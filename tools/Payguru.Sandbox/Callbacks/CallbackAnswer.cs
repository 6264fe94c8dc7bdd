namespace Payguru.Sandbox.Callbacks;

/// <summary>
/// What the merchant answered to one delivery, or why it did not (<see cref="Failure"/>). Only a
/// 2xx answer whose body is <c>OK</c> accepts the notification.
/// </summary>
public sealed record CallbackAnswer(int? StatusCode, string Body, string? ContentType, string? Failure)
{
    const int SummaryBodyLength = 40;

    public bool IsOk => StatusCode is >= 200 and < 300 && Body.Trim() == "OK";

    /// <summary>"OK", "400 invalid key", "no answer (Connection refused)": short enough to tally.</summary>
    public string Summary => IsOk ? "OK"
        : StatusCode is null ? $"no answer ({Failure})"
        : $"{StatusCode} {Shorten(Body.Trim())}".TrimEnd();

    public static CallbackAnswer NoAnswer(string failure) => new(null, "", null, failure);

    static string Shorten(string text) => text.Length <= SummaryBodyLength ? text : text[..SummaryBodyLength] + "…";
}
