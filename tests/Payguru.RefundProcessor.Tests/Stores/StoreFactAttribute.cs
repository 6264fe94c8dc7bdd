using Xunit.Sdk;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// A fact of a store suite (<see cref="StoreTests{TDatabase}"/>). The suite is written once and
/// inherited by each dialect's class, so whether it can run depends on the class, not the method:
/// each test is skipped, with the dialect's reason, when <see cref="ITestDatabase.SkipReason"/> of the
/// class's database says its server is not available here.
/// </summary>
[XunitTestCaseDiscoverer("Payguru.RefundProcessor.Tests.Stores.StoreFactDiscoverer", "Payguru.RefundProcessor.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
