using System.Net;
using Payguru.Provider.Signing;
using Payguru.Contracts.Identity;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// <c>/TCKNVerifyService</c> with <c>notification_type=verify</c>: the gateway asks the refund processor (here
/// <see cref="IdentityQueryResponder"/>) for the order's hash under the service whose key matched and answers
/// the protocol's JSON; a refused call asks nothing.
/// </summary>
public sealed class IdentityVerifyTests : GatewayTest
{
    const string Unknown = """{"status":false,"tckn":null}""";

    static readonly string OtherAnswer = PayguruKeys.TcknAnswer(IdentityCalls.Tckn, new ServiceSecret(GatewayFactory.OtherService, GatewayFactory.OtherServiceKey));

    readonly KnownIdentities _known;

    public IdentityVerifyTests()
        : this(new KnownIdentities())
    {
    }

    IdentityVerifyTests(KnownIdentities known)
        : base(new GatewayFactory { ConfigureBus = IdentityQueryResponder.On(known) })
    {
        _known = known;
        known.Add("ORDER-1001", GatewayFactory.DemoService, IdentityCalls.DemoAnswer);
        known.Add("ORDER-1001", GatewayFactory.OtherService, OtherAnswer);
    }

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Registered_order_is_answered_status_true_with_the_hash_of_the_matching_service(NotificationForm form)
    {
        var response = await Client.SendAsync(IdentityCalls.Request(form, IdentityCalls.Demo("verify")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":true,"tckn":"83fcc8be5da2c8bf544b52a5c9c0961b"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal([new GetIdentityAnswer("ORDER-1001", GatewayFactory.DemoService)], _known.Asked);
        // The question is published to the processor; no identity event is.
        Assert.Equal([new GetIdentityAnswer("ORDER-1001", GatewayFactory.DemoService)], Gateway.Publishes.Of<GetIdentityAnswer>().Select(p => p.Message));
        Assert.Equal(1, Gateway.Publishes.Count);
    }

    [Fact]
    public async Task Call_signed_with_another_services_key_asks_for_and_answers_that_services_hash()
    {
        var fields = IdentityCalls.Demo("verify").WithKeyFor(GatewayFactory.OtherService, GatewayFactory.OtherServiceKey);

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($$"""{"status":true,"tckn":"{{OtherAnswer}}"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal([new GetIdentityAnswer("ORDER-1001", GatewayFactory.OtherService)], _known.Asked);
    }

    [Fact]
    public async Task Only_order_key_and_type_are_needed_to_answer()
    {
        var fields = new Dictionary<string, string> { ["order"] = "ORDER-1001", ["key"] = IdentityCalls.DemoKey, ["notification_type"] = "verify" };

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":true,"tckn":"83fcc8be5da2c8bf544b52a5c9c0961b"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_order_is_answered_status_false_after_asking_the_processor()
    {
        var fields = IdentityCalls.Demo("verify");
        fields["order"] = "ORDER-NEVER-REGISTERED";
        fields.WithKeyFor(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Json, fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Unknown, await response.Content.ReadAsStringAsync());
        Assert.Equal([new GetIdentityAnswer("ORDER-NEVER-REGISTERED", GatewayFactory.DemoService)], _known.Asked);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("308b6874973ce4d19c9ca6215686c56")]
    [InlineData("")]
    public async Task Wrong_or_missing_key_is_answered_status_false_400_without_asking_the_processor(string key)
    {
        var fields = IdentityCalls.Demo("verify");
        fields["key"] = key;

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Unknown, await response.Content.ReadAsStringAsync());
        Assert.Empty(_known.Asked);
        Assert.False(await Gateway.Harness.Sent.Any<GetIdentityAnswer>());
    }

    [Fact]
    public async Task Key_of_another_order_is_refused_without_asking_the_processor()
    {
        var fields = IdentityCalls.Demo("verify");
        fields["order"] = "ORDER-1002";

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Form, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Unknown, await response.Content.ReadAsStringAsync());
        Assert.Empty(_known.Asked);
    }

    [Fact]
    public async Task Missing_order_is_answered_status_false_400_without_asking_the_processor()
    {
        var fields = IdentityCalls.Demo("verify");
        fields.Remove("order");

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(Unknown, await response.Content.ReadAsStringAsync());
        Assert.Empty(_known.Asked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("VERIFY")]
    [InlineData("check")]
    public async Task Missing_or_unknown_notification_type_is_refused_with_a_reason(string? type)
    {
        var fields = IdentityCalls.Demo("verify");
        if (type is null)
        {
            fields.Remove("notification_type");
        }
        else
        {
            fields["notification_type"] = type;
        }

        var response = await Client.SendAsync(IdentityCalls.Request(NotificationForm.Query, fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("notification_type must be verify, verified or unverified", await response.Content.ReadAsStringAsync());
        Assert.Empty(_known.Asked);
        Assert.Equal(0, Gateway.Publishes.Count);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_reason()
    {
        var response = await Client.SendAsync(CallbackRequests.JsonRequest(IdentityCalls.Path, "{\"order\": "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed JSON body", await response.Content.ReadAsStringAsync());
        Assert.Empty(_known.Asked);
    }
}
