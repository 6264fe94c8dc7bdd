namespace Payguru.Messaging.Ids;

/// <summary>
/// Deterministic message ids for facts Payguru can report more than once, so that every
/// copy carries the same id and subscribers drop the repeats.
/// </summary>
public static class MessageIds
{
    // Fixed namespace of Payguru.Bus's name-based ids. Changing it changes every id: never do.
    static readonly Guid Namespace = new("6f1c1d7e-4b8a-4c33-9a51-2b7f0e6d9a10");

    /// <summary>The id of the payment notification of <paramref name="txid"/> with <paramref name="status"/>.</summary>
    public static Guid Payment(long txid, int status) => NameBasedGuid.Create(Namespace, $"payment:{txid}:{status}");
}
