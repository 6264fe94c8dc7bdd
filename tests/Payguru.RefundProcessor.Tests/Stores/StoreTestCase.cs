using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>A store suite's test, skipped with its dialect's reason when that dialect's database is not available.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay methodDisplay, TestMethodDisplayOptions methodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, methodDisplay, methodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        DatabaseSkipReason(TestMethod.TestClass.Class.ToRuntimeType()) ?? base.GetSkipReason(factAttribute);

    /// <summary>The skip reason of the database the suite class runs on (the TDatabase of its StoreTests base).</summary>
    static string? DatabaseSkipReason(Type testClass)
    {
        for (var type = testClass; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(StoreTests<>))
            {
                var database = type.GetGenericArguments()[0];
                return (string?)typeof(StoreTestCase).GetMethod(nameof(SkipReasonOf), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(database)
                    .Invoke(null, null);
            }
        }

        return null;
    }

    static string? SkipReasonOf<TDatabase>() where TDatabase : ITestDatabase => TDatabase.SkipReason;
}
