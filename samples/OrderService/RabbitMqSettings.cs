namespace OrderService;

/// <summary>The broker, from the <c>RabbitMq</c> section (environment: <c>RabbitMq__Host</c>, …).</summary>
public sealed class RabbitMqSettings
{
    public const string SectionName = "RabbitMq";

    public string Host { get; set; } = "localhost";

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}
