using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// <c>POST /refunds</c>: a valid request with a valid key is published once (the gateway's topology binds
/// it to the processor's queue) and answered 202; anything else is answered with a problem naming what is
/// wrong, and nothing is published.
/// </summary>
public sealed class RefundRequestApiTests() : GatewayTest(new())
{
    [Fact]
    public async Task Valid_request_is_answered_202_with_its_location_and_published_once()
    {
        var id = Guid.NewGuid();

        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body(id)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/refunds/{id}", response.Headers.Location?.OriginalString);
        using (var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(id, answer.RootElement.GetProperty("refundRequestId").GetGuid());
            Assert.Equal("pending", answer.RootElement.GetProperty("state").GetString());
        }

        var published = Assert.Single(Gateway.Harness.Published.Select<RequestRefund>());
        Assert.Null(published.Exception);
        Assert.NotNull(published.Context.MessageId);
        Assert.Equal(
            new RequestRefund(id, "ORDER-1001", "PG-8F2K1", "DEMO", 10.50m, RefundRequests.ContactName, RefundRequests.ValidIban, "damaged on delivery"),
            published.Context.Message);
        Assert.False(Gateway.Harness.Sent.Select<RequestRefund>().Any());
    }

    [Fact]
    public async Task Optional_fields_may_be_left_out_and_the_amount_may_be_a_whole_number()
    {
        var body = RefundRequests.Body();
        body.Remove("payguruCode");
        body.Remove("serviceCode");
        body.Remove("reason");
        body["amount"] = 5;

        var response = await Client.SendAsync(RefundRequests.Post(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(Gateway.Harness.Published.Select<RequestRefund>()).Context.Message;
        Assert.Null(message.PayguruCode);
        Assert.Null(message.ServiceCode);
        Assert.Null(message.Reason);
        Assert.Equal(5m, message.Amount);
    }

    [Fact]
    public async Task Every_configured_api_key_is_accepted()
    {
        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body(), GatewayFactory.OtherApiKey));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(Gateway.Harness.Published.Select<RequestRefund>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-key")]
    [InlineData("TEST-API-KEY")]
    [InlineData("test-api-ke")]
    public async Task Missing_or_wrong_api_key_is_answered_401_without_echoing_it(string? apiKey)
    {
        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body(), apiKey));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        var text = problem.GetRawText();
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            Assert.DoesNotContain(apiKey.Trim(), text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(GatewayFactory.ApiKey, text);
        Assert.DoesNotContain(RefundRequests.ValidIban, text);
        AssertNothingSent();
    }

    [Theory]
    [InlineData("amount", "0", "amount")]
    [InlineData("amount", "-1.00", "amount")]
    [InlineData("amount", "1.005", "amount")]
    [InlineData("amount", "\"10.50\"", "amount")]
    [InlineData("iban", "\"" + RefundRequests.InvalidIban + "\"", "iban")]
    [InlineData("iban", "\"TR12345671234567\"", "iban")]
    [InlineData("iban", "12345", "iban")]
    [InlineData("contactName", "\"  \"", "contactName")]
    [InlineData("order", "\"\"", "order")]
    [InlineData("refundRequestId", "\"not-a-guid\"", "refundRequestId")]
    [InlineData("refundRequestId", "\"00000000-0000-0000-0000-000000000000\"", "refundRequestId")]
    [InlineData("reason", "{\"text\": \"x\"}", "reason")]
    public async Task Bad_field_is_answered_400_naming_it(string field, string json, string naming)
    {
        var body = RefundRequests.Body();
        body[field] = JsonNode.Parse(json);

        var response = await Client.SendAsync(RefundRequests.Post(body));

        await AssertNamesAsync(response, naming);
    }

    [Theory]
    [InlineData("refundRequestId")]
    [InlineData("order")]
    [InlineData("amount")]
    [InlineData("contactName")]
    [InlineData("iban")]
    public async Task Missing_required_field_is_answered_400_naming_it(string field)
    {
        var body = RefundRequests.Body();
        body.Remove(field);

        var response = await Client.SendAsync(RefundRequests.Post(body));

        await AssertNamesAsync(response, field);
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        var response = await Client.SendAsync(RefundRequests.Post("{\"order\": \"ORDER-1001\"}"));

        var errors = await AssertNamesAsync(response, "refundRequestId");
        Assert.Equal(new[] { "amount", "contactName", "iban", "refundRequestId" }, errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"refundRequestId\": ")]
    public async Task Body_that_is_not_a_json_object_is_answered_400(string body)
    {
        var response = await Client.SendAsync(RefundRequests.Post(body));

        await AssertNamesAsync(response, "body");
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "order=ORDER-1001&amount=1.00")]
    [InlineData("text/plain", "{}")]
    public async Task Body_that_is_not_json_by_its_content_type_is_answered_415(string contentType, string body)
    {
        var response = await Client.SendAsync(RefundRequests.Post(body, contentType: contentType));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        AssertNothingSent();
    }

    [Fact]
    public async Task Body_larger_than_any_refund_request_is_answered_400()
    {
        var body = RefundRequests.Body();
        body["reason"] = new string('x', 20 * 1024);

        var response = await Client.SendAsync(RefundRequests.Post(body));

        await AssertNamesAsync(response, "body");
    }

    /// <summary>A 400 validation problem whose errors name <paramref name="field"/>; it repeats neither the IBAN nor the name, and nothing was sent.</summary>
    async Task<JsonElement> AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name {field}: {errors}");
        Assert.NotEmpty(messages.EnumerateArray());
        var text = problem.GetRawText();
        Assert.DoesNotContain(RefundRequests.ValidIban, text);
        Assert.DoesNotContain(RefundRequests.InvalidIban, text);
        Assert.DoesNotContain("TR12345671234567", text);
        Assert.DoesNotContain("Mehmet", text);
        AssertNothingSent();
        return errors;
    }

    static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    void AssertNothingSent()
    {
        Assert.False(Gateway.Harness.Sent.Select<RequestRefund>().Any());
        Assert.False(Gateway.Harness.Published.Select<RequestRefund>().Any());
    }
}
