using Payguru.Contracts.Ids;

namespace Payguru.Provider.Tests.Messaging;

public class MessageIdsTests
{
    [Fact]
    public void Payment_id_is_stable_for_the_same_txid_and_status()
    {
        Assert.Equal(MessageIds.Payment(28120, 3), MessageIds.Payment(28120, 3));
    }

    [Fact]
    public void Payment_id_differs_by_txid()
    {
        Assert.NotEqual(MessageIds.Payment(28120, 3), MessageIds.Payment(28121, 3));
    }

    [Fact]
    public void Payment_id_differs_by_status()
    {
        Assert.NotEqual(MessageIds.Payment(28120, 3), MessageIds.Payment(28120, 2));
    }

    [Fact]
    public void Payment_id_is_a_version_5_name_based_id()
    {
        var bytes = MessageIds.Payment(28120, 3).ToByteArray(bigEndian: true);

        Assert.Equal(5, bytes[6] >> 4);
        Assert.Equal(0b10, bytes[8] >> 6);
    }

    [Fact]
    public void Identity_verification_id_is_stable_for_the_same_txid_order_and_outcome()
    {
        Assert.Equal(MessageIds.IdentityVerification(28120, "ORDER-1001", "verified"), MessageIds.IdentityVerification(28120, "ORDER-1001", "verified"));
    }

    [Fact]
    public void Identity_verification_id_differs_by_txid_order_and_outcome()
    {
        var id = MessageIds.IdentityVerification(28120, "ORDER-1001", "verified");

        Assert.NotEqual(id, MessageIds.IdentityVerification(28121, "ORDER-1001", "verified"));
        Assert.NotEqual(id, MessageIds.IdentityVerification(28120, "ORDER-1002", "verified"));
        Assert.NotEqual(id, MessageIds.IdentityVerification(28120, "ORDER-1001", "unverified"));
        Assert.NotEqual(id, MessageIds.Payment(28120, 3));
    }
}
