using MassTransit.Testing;

namespace OrderService.Tests.Infrastructure;

public static class HarnessExtensions
{
    /// <summary>Waits for the first <paramref name="count"/> messages of <typeparamref name="T"/> published (up to the harness's inactivity timeout).</summary>
    public static async Task<IReadOnlyList<IPublishedMessage<T>>> PublishedAsync<T>(this ITestHarness harness, int count = 1)
        where T : class
    {
        var published = await FirstAsync(harness.Published.SelectAsync<T>(), count);
        Assert.True(published.Count == count, $"{published.Count} {typeof(T).Name} published, {count} expected");
        return published;
    }

    /// <summary>Waits for the first <paramref name="count"/> messages of <typeparamref name="T"/> the consumer consumed.</summary>
    public static async Task<IReadOnlyList<IReceivedMessage<T>>> ConsumedAsync<TConsumer, T>(this ITestHarness harness, int count = 1)
        where TConsumer : class, MassTransit.IConsumer
        where T : class
    {
        var consumed = await FirstAsync(harness.GetConsumerHarness<TConsumer>().Consumed.SelectAsync<T>(), count);
        Assert.True(consumed.Count == count, $"{typeof(TConsumer).Name} consumed {consumed.Count} {typeof(T).Name}, {count} expected");
        return consumed;
    }

    static async Task<List<TElement>> FirstAsync<TElement>(IAsyncEnumerable<TElement> elements, int count)
    {
        var first = new List<TElement>();
        await foreach (var element in elements)
        {
            first.Add(element);
            if (first.Count == count)
            {
                break;
            }
        }

        return first;
    }
}
