using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Payguru.Provider.Wire.Paywall;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Paywall;

public sealed class MemberTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Member_answers_the_stored_member_with_its_id_and_insert_time()
    {
        var (status, envelope) = await PostAsync(SeedMember());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(envelope.IsSuccess);
        var member = envelope.Body!;
        Assert.True(member.Id > 0);
        Assert.Equal("111aa11135552244413", member.MemberExternalId);
        Assert.Equal("Intranet Technology", member.MemberName);
        Assert.Equal("Intranet Technology Yazılım A.S", member.MemberTitle);
        Assert.True(member.IsSubMerchant);
        Assert.Equal(1, member.MemberType);
        Assert.Equal("11111111110", member.MemberIdentityNumber);
        Assert.True(DateTimeOffset.TryParse(member.InsertDateTime, out _));
    }

    [Fact]
    public async Task Member_binds_the_request_type_the_client_will_send()
    {
        var request = new PaywallMemberRequest
        {
            IsSubMerchant = false,
            MemberType = 2,
            MemberExternalId = "EXT-TYPED",
            MemberName = "Shop",
            MemberTitle = "Shop Ltd",
            MemberEmail = "shop@example.com",
            BankAccounts = [new PaywallBankAccount { CurrencyId = 1, Title = "Shop Ltd", Iban = Demo.Iban }],
            ValueDate = new PaywallValueDate { CalculationType = 1, CalculationValue = 10, Commission = 10 },
        };

        var (status, envelope) = await PostAsync(System.Text.Json.JsonSerializer.SerializeToNode(request)!.AsObject());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("EXT-TYPED", envelope.Body!.MemberExternalId);
    }

    [Fact]
    public async Task A_second_member_with_the_same_external_id_answers_409()
    {
        await PostAsync(SeedMember());

        var (status, envelope) = await PostAsync(SeedMember());

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.False(envelope.Result);
        Assert.Equal(409, envelope.ErrorCode);
    }

    [Theory]
    [InlineData("MemberExternalId")]
    [InlineData("MemberName")]
    [InlineData("IsSubMerchant")]
    [InlineData("MemberType")]
    public async Task Member_without_a_required_field_answers_400_naming_it(string left)
    {
        var body = SeedMember();
        body.Remove(left);

        var (status, envelope) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"{left} is required.", envelope.Message);
    }

    [Fact]
    public async Task Member_with_a_bank_account_without_an_iban_answers_400_naming_the_account()
    {
        var body = SeedMember();
        body["BankAccounts"]![0]!.AsObject().Remove("Iban");

        var (status, envelope) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BankAccounts[0].Iban is required.", envelope.Message);
    }

    [Fact]
    public async Task Member_with_an_identity_number_that_is_not_11_digits_answers_400()
    {
        var body = SeedMember();
        body["MemberIdentityNumber"] = "1234";

        var (status, envelope) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("MemberIdentityNumber must be 11 digits.", envelope.Message);
    }

    [Fact]
    public async Task Member_without_the_api_headers_answers_401()
    {
        var (status, envelope) = await PostAsync(SeedMember(), headers: false);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, envelope.ErrorCode);
    }

    /// <summary>The member of the seed's code samples.</summary>
    static JsonObject SeedMember() => JsonNode.Parse("""
        {
          "IsSubMerchant": true,
          "MemberType": 1,
          "MemberExternalId": "111aa11135552244413",
          "MemberName": "Intranet Technology",
          "MemberTitle": "Intranet Technology Yazılım A.S",
          "MemberTaxOffice": "Besiktas",
          "MemberTaxNumber": "4651176935",
          "MemberIdentityNumber": "11111111110",
          "MemberEmail": "member@paywall.one",
          "MemberPhone": "5554443322",
          "MemberAddress": "test adresi",
          "ContactName": "Member Name",
          "ContactLastname": "Lastname",
          "BankAccounts": [ { "CurrencyId": 1, "Title": "Ünvan", "Iban": "TR370006400012345678987654" } ],
          "ValueDate": { "CalculationType": 1, "CalculationValue": 10, "Commission": 10 }
        }
        """)!.AsObject();

    async Task<(HttpStatusCode Status, PaywallEnvelope<PaywallMemberAnswer> Envelope)> PostAsync(JsonObject body, bool headers = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/paywall/member") { Content = JsonContent.Create(body) };
        if (headers)
        {
            request.Headers.Add("apikeypublic", Demo.PaywallKeyPublic);
            request.Headers.Add("apiclientpublic", Demo.PaywallClientPublic);
        }

        using var response = await Client.Http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<PaywallEnvelope<PaywallMemberAnswer>>())!);
    }
}
