namespace Payguru.RefundProcessor.Attempts;

/// <summary>Names an attempt: the owner its row records until it ends or expires.</summary>
public static class AttemptIds
{
    public static string New() => Guid.NewGuid().ToString("N");
}
