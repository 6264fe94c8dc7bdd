using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// <c>GET /refunds/{refundRequestId}</c>: the gateway asks the refund processor over the bus
/// (a published <c>GetRefund</c>, which the processor's <c>refund-processor-queries</c> endpoint binds),
/// here answered by <see cref="RefundQueryResponder"/>.
/// </summary>
public sealed class RefundQueryApiTests : IAsyncLifetime
{
    static readonly RefundState Submitted = new(
        Guid.Parse("6b0f9a3e-2c1d-4e5f-8a7b-9c0d1e2f3a4b"),
        "ORDER-1001",
        10.50m,
        RefundStateNames.Submitted,
        RefundId: 13,
        ProviderStatus: RefundStatuses.Updated,
        RejectionReason: null,
        RejectionMessage: null,
        RequestedAt: new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero),
        UpdatedAt: new DateTimeOffset(2026, 3, 2, 9, 30, 5, TimeSpan.Zero));

    readonly KnownRefunds _known = new();
    readonly GatewayFactory _gateway;
    HttpClient _client = null!;

    public RefundQueryApiTests()
    {
        _known.Add(Submitted);
        _gateway = new GatewayFactory { ConfigureBus = RefundQueryResponder.On(_known) };
    }

    public Task InitializeAsync()
    {
        _client = _gateway.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Known_refund_is_answered_200_with_its_state()
    {
        var response = await _client.SendAsync(RefundRequests.Get(Submitted.RefundRequestId.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var state = body.RootElement;
        Assert.Equal(Submitted.RefundRequestId, state.GetProperty("refundRequestId").GetGuid());
        Assert.Equal("ORDER-1001", state.GetProperty("order").GetString());
        Assert.Equal(10.50m, state.GetProperty("amount").GetDecimal());
        Assert.Equal("submitted", state.GetProperty("state").GetString());
        Assert.Equal(13L, state.GetProperty("refundId").GetInt64());
        Assert.Equal(2, state.GetProperty("providerStatus").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("rejectionReason").ValueKind);
        Assert.Equal(Submitted.RequestedAt, state.GetProperty("requestedAt").GetDateTimeOffset());
        Assert.Equal(Submitted.UpdatedAt, state.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(1, _known.Queries);
    }

    [Fact]
    public async Task Unknown_refund_is_answered_404_problem()
    {
        var id = Guid.NewGuid();

        var response = await _client.SendAsync(RefundRequests.Get(id.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(id.ToString(), problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(1, _known.Queries);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("13")]
    public async Task Malformed_id_is_answered_404_without_asking_the_processor(string id)
    {
        var response = await _client.SendAsync(RefundRequests.Get(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _known.Queries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Missing_or_wrong_api_key_is_answered_401_without_asking_the_processor(string? apiKey)
    {
        var response = await _client.SendAsync(RefundRequests.Get(Submitted.RefundRequestId.ToString(), apiKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("ORDER-1001", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _known.Queries);
    }
}
