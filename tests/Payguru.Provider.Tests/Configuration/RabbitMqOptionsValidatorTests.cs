using Payguru.Messaging.Configuration;

namespace Payguru.Provider.Tests.Configuration;

/// <summary><c>RabbitMq:QueueType</c>: Classic by default, Quorum when asked, anything else refused naming the setting.</summary>
public class RabbitMqOptionsValidatorTests
{
    readonly RabbitMqOptionsValidator _validator = new();

    [Fact]
    public void Defaults_pass_and_declare_classic_queues()
    {
        var options = new RabbitMqOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(RabbitMqQueueType.Classic, options.DurableQueueType);
    }

    [Theory]
    [InlineData("Classic", RabbitMqQueueType.Classic)]
    [InlineData("classic", RabbitMqQueueType.Classic)]
    [InlineData("Quorum", RabbitMqQueueType.Quorum)]
    [InlineData("QUORUM", RabbitMqQueueType.Quorum)]
    [InlineData(" quorum ", RabbitMqQueueType.Quorum)]
    public void Each_queue_type_is_taken_in_any_case(string value, RabbitMqQueueType expected)
    {
        var options = new RabbitMqOptions { QueueType = value };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(expected, options.DurableQueueType);
    }

    [Theory]
    [InlineData("Stream")]
    [InlineData("lazy")]
    [InlineData("1")]
    [InlineData("Classic,Quorum")]
    [InlineData("")]
    public void Unknown_queue_type_fails_naming_the_setting_and_the_choices(string value)
    {
        var result = _validator.Validate(null, new RabbitMqOptions { QueueType = value });

        Assert.True(result.Failed);
        Assert.Contains("RabbitMq:QueueType", result.FailureMessage);
        Assert.Contains("Classic or Quorum", result.FailureMessage);
        Assert.Contains($"'{value}'", result.FailureMessage);
    }
}
