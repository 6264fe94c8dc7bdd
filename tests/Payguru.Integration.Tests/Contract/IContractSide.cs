using MassTransit;

namespace Payguru.Integration.Tests.Contract;

/// <summary>What runs the contract table: the stand-ins on a test harness, or the real processor with the sandbox and the gateway.</summary>
public interface IContractSide : IAsyncDisposable
{
    /// <summary>The bus a service of the side uses; commands are sent and queries asked on it.</summary>
    IBus Bus { get; }

    /// <summary>Payguru took the payment (<paramref name="payguruCode"/>) and the gateway published <paramref name="accepted"/>; returns once the processor knows it.</summary>
    Task PayAsync(ContractStep.Pay payment, string payguruCode);

    Task RefuseNextRefundAsync(string code, string message);

    /// <summary>Payguru pays back <paramref name="refundId"/>; returns once the processor recorded it (its RefundSettled is observed apart).</summary>
    Task PayRefundAsync(long refundId);

    Task RefuseNextMemberAsync(int code, string message);

    Task RefuseNextTokenAsync(int code, string message);
}
