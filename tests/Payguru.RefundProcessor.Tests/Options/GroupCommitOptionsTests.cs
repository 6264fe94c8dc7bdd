using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Tests.Options;

/// <summary>The <c>GroupCommit</c> section as the processor binds and checks it at start.</summary>
public sealed class GroupCommitOptionsTests
{
    [Fact]
    public void Without_the_section_a_group_committed_endpoint_prefetches_64()
    {
        Assert.Equal(64, Bind([]).PrefetchCount);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    public void A_prefetch_out_of_range_fails_naming_the_setting(string value)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["GroupCommit:PrefetchCount"] = value }));

        Assert.Contains("GroupCommit:PrefetchCount must be between 1 and 1000.", exception.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1000")]
    public void A_prefetch_in_range_is_taken(string value)
    {
        Assert.Equal(int.Parse(value), Bind(new() { ["GroupCommit:PrefetchCount"] = value }).PrefetchCount);
    }

    static GroupCommitOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddProcessorOptions(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GroupCommitOptions>>().Value;
    }
}
