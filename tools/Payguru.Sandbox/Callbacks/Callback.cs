namespace Payguru.Sandbox.Callbacks;

/// <summary>
/// One notification to a merchant: where it goes and its fields in order, each as the text that
/// travels (the key among them). <see cref="Subject"/> names it in logs without the key.
/// </summary>
public sealed record Callback(CallbackKind Kind, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields, string Subject)
{
    // The fields hold the key: never print them.
    public override string ToString() => Subject;
}
