namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>The tests that share one sandbox; they run one after another, each from a reset.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<MerchantSandboxFixture>
{
    public const string Name = "sandbox";
}
