using System.Text.Json;
using Payguru.Provider.Wire;
using Payguru.Provider.Wire.Paywall;

namespace Payguru.Provider.Tests.Wire;

/// <summary>
/// The wire types in libs/Payguru.Provider read the provider's answers as the seeds show them, and the
/// variants the documents admit (ids as strings, refund_id as a number, data as an object or an array).
/// </summary>
public sealed class WireDtoTests
{
    [Fact]
    public void The_refund_create_answer_reads_refund_id_sent_as_a_string_or_a_number()
    {
        var asString = Read<RefundCreateAnswer>("""{"status":"000","message":"Success","refund_id":"123412345678"}""");
        var asNumber = Read<RefundCreateAnswer>("""{"status":"000","message":"Success","refund_id":123412345678}""");

        Assert.Equal("123412345678", asString.RefundId);
        Assert.Equal("123412345678", asNumber.RefundId);
        Assert.True(asString.IsSuccess);
    }

    [Fact]
    public void An_error_answer_carries_its_code_and_message()
    {
        var answer = Read<RefundCreateAnswer>("""{"status":"ERR_005","message":"Invalid Service"}""");

        Assert.False(answer.IsSuccess);
        Assert.Equal("ERR_005", answer.Status);
        Assert.Equal("Invalid Service", answer.Message);
        Assert.Null(answer.RefundId);
    }

    [Fact]
    public void The_refund_get_answer_reads_data_as_the_samples_object_or_as_the_tables_array()
    {
        const string refund = """
            {"id":13,"merchant_name":"PAYGURU DEMO","merchant_id":1,"service_name":"DEMO","service_id":4,"transaction_id":28120,
             "status":1,"create_time":"2018-01-18 13:48:39","update_time":null,"refund_time":null,"amount":"0.50","update_userid":null,
             "requested_by":null,"description":null,"note":null,"refund_contact":"Erdinç Karaman","refund_iban":"TR800011100000000036888459",
             "bank_id":null,"bank_name":null,"bank_code":null,"bank_receipt_no":null}
            """;

        var asObject = Read<RefundGetAnswer>($$"""{"status":"000","message":"Success","data":{{refund}}}""");
        var asArray = Read<RefundGetAnswer>($$"""{"status":"000","message":"Success","data":[{{refund}}]}""");

        foreach (var answer in new[] { asObject, asArray })
        {
            var detail = Assert.Single(answer.Data!);
            Assert.Equal(13, detail.Id);
            Assert.Equal(28120, detail.TransactionId);
            Assert.Equal("0.50", detail.Amount);
            Assert.Equal("Erdinç Karaman", detail.RefundContact);
            Assert.Null(detail.BankCode);
        }
    }

    [Fact]
    public void The_get_by_order_answer_reads_the_seed_sample_with_a_paid_refund()
    {
        var answer = Read<RefundsByOrderAnswer>("""
            {"status":"000","message":"Success","data":[
              {"id":14,"merchant_name":"PAYGURU DEMO","merchant_id":1,"service_name":"DEMO","service_id":4,"transaction_id":28120,"status":2,
               "create_time":"2018-01-18 15:09:08","update_time":"2018-01-19 15:09:08","refund_time":null,"amount":"0.40","requested_by":null,
               "description":null,"note":null,"refund_contact":"Payguru Test","refund_iban":"TR12345678","bank_id":null,"bank_name":null,
               "bank_code":null,"bank_receipt_no":null},
              {"id":15,"merchant_name":"PAYGURU DEMO","merchant_id":1,"service_name":"DEMO","service_id":4,"transaction_id":28120,"status":3,
               "create_time":"2018-01-18 15:09:08","update_time":"2018-01-19 15:09:08","refund_time":"2018-01-19 09:00:00","amount":"5",
               "requested_by":null,"description":"Complated at 09:00","note":null,"refund_contact":"Payguru Test","refund_iban":"TR12345678",
               "bank_id":1,"bank_name":"Ziraat","bank_code":"ziraatbank","bank_receipt_no":"DEKONT1234"}]}
            """);

        Assert.Equal([14L, 15L], answer.Data!.Select(r => r.Id));
        var paid = answer.Data![1];
        Assert.Equal("5", paid.Amount);
        Assert.Equal(1, paid.BankId);
        Assert.Equal("ziraatbank", paid.BankCode);
        Assert.Equal("DEKONT1234", paid.BankReceiptNo);
        Assert.Equal("2018-01-19 09:00:00", paid.RefundTime);
    }

    [Fact]
    public void A_refund_read_from_ids_sent_as_strings_and_an_amount_sent_as_a_number_keeps_the_amounts_text()
    {
        var detail = Read<RefundDetail>("""{"id":"13","merchant_id":"1","service_id":"4","transaction_id":"28120","status":"3","amount":10.50,"bank_id":"1"}""");

        Assert.Equal(13, detail.Id);
        Assert.Equal(3, detail.Status);
        Assert.Equal(1, detail.BankId);
        Assert.Equal("10.50", detail.Amount);
    }

    [Fact]
    public void The_token_answer_reads_the_seed_sample_and_keeps_the_token_out_of_its_text()
    {
        var answer = Read<TokenAnswer>("""{"status":"000","message":"Success","token":"{3E53E639-5173-D1B6-9368-68FCBCF72342}"}""");

        Assert.Equal("{3E53E639-5173-D1B6-9368-68FCBCF72342}", answer.Token);
        Assert.DoesNotContain("3E53E639", answer.ToString());
    }

    [Fact]
    public void The_paywall_envelope_reads_the_seeds_temp_token_answer()
    {
        var envelope = Read<PaywallEnvelope<PaywallTempTokenAnswer>>("""
            {"ErrorCodeType":1,"ErrorMessage":null,"ErrorCode":0,"Result":true,"Message":"",
             "Body":{"TempTokenId":14533994,"Token":"22ae3b5a-8eb0-41cc-88c7-219e25b95441","ExpiryDateTime":"2024-06-13T22:25:08.0404774+03:00",
                     "Scope":{"ClientCardSave":true,"ThreeDSession":false}}}
            """);

        Assert.True(envelope.IsSuccess);
        Assert.Equal(1, envelope.ErrorCodeType);
        Assert.Equal(14533994, envelope.Body!.TempTokenId);
        Assert.Equal(new DateTimeOffset(2024, 6, 13, 22, 25, 8, TimeSpan.FromHours(3)).AddTicks(404774), envelope.Body.ExpiryDateTime);
        Assert.True(envelope.Body.Scope!.ClientCardSave);
        Assert.DoesNotContain("22ae3b5a", envelope.Body.ToString());
    }

    [Fact]
    public void The_paywall_member_request_writes_the_seeds_field_names()
    {
        var json = JsonSerializer.Serialize(new PaywallMemberRequest
        {
            IsSubMerchant = true,
            MemberType = 1,
            MemberExternalId = "111aa11135552244413",
            MemberName = "Intranet Technology",
            BankAccounts = [new PaywallBankAccount { CurrencyId = 1, Title = "Ünvan", Iban = "TR800011100000000036888459" }],
            ValueDate = new PaywallValueDate { CalculationType = 1, CalculationValue = 10, Commission = 10 },
        });

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(
            ["IsSubMerchant", "MemberType", "MemberExternalId", "MemberName", "MemberTitle", "MemberTaxOffice", "MemberTaxNumber",
             "MemberIdentityNumber", "MemberEmail", "MemberPhone", "MemberAddress", "ContactName", "ContactLastname", "BankAccounts", "ValueDate"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("TR800011100000000036888459", root.GetProperty("BankAccounts")[0].GetProperty("Iban").GetString());
        Assert.Equal(10, root.GetProperty("ValueDate").GetProperty("Commission").GetInt32());
    }

    static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json)!;
}
