using Payguru.Contracts.Paywall;

namespace Payguru.Provider.Tests.Messaging;

public class SubMerchantRulesTests
{
    const string Iban = "TR800011100000000036888459";

    static RegisterSubMerchant Valid() => new(
        "EXT-1", 1, "Intranet Technology", "Intranet Technology Yazılım A.S", "Besiktas", "4651176935", null,
        "member@paywall.one", "5554443322", "test adresi", "Member Name", "Lastname",
        [new SubMerchantBankAccount(1, "Ünvan", Iban)], new SubMerchantValueDate(1, 10, 10));

    [Fact]
    public void The_seeds_member_with_a_valid_IBAN_passes() => Assert.Null(SubMerchantRules.Check(Valid()));

    [Theory]
    [InlineData("10000000146")] // docs/protocol.md §7
    [InlineData("11111111110")] // the seed's sample
    public void A_valid_TCKN_alone_passes(string tckn) =>
        Assert.Null(SubMerchantRules.Check(Valid() with { MemberTaxNumber = null, MemberIdentityNumber = tckn }));

    [Fact]
    public void Neither_tax_number_nor_TCKN_is_rejected()
    {
        var problem = SubMerchantRules.Check(Valid() with { MemberTaxNumber = " ", MemberIdentityNumber = null });

        Assert.Equal((SubMerchantRejectionReasons.InvalidTaxNumber, "memberTaxNumber"), (problem?.Reason, problem?.Field));
    }

    [Fact]
    public void A_bad_TCKN_is_rejected_without_repeating_it()
    {
        var problem = SubMerchantRules.Check(Valid() with { MemberIdentityNumber = "10000000147" });

        Assert.Equal((SubMerchantRejectionReasons.InvalidTaxNumber, "memberIdentityNumber"), (problem?.Reason, problem?.Field));
        Assert.DoesNotContain("10000000147", problem!.Message);
    }

    [Fact]
    public void A_tax_number_of_nine_digits_is_rejected() =>
        Assert.Equal("memberTaxNumber", SubMerchantRules.Check(Valid() with { MemberTaxNumber = "465117693" })?.Field);

    [Fact]
    public void The_seeds_IBAN_fails_mod_97_named_by_its_account_and_not_repeated()
    {
        var problem = SubMerchantRules.Check(Valid() with
        {
            BankAccounts = [new SubMerchantBankAccount(1, "Ok", Iban), new SubMerchantBankAccount(1, "Seed", "TR370006400012345678987654")],
        });

        Assert.Equal((SubMerchantRejectionReasons.InvalidBankAccount, "bankAccounts[1].iban"), (problem?.Reason, problem?.Field));
        Assert.DoesNotContain("TR370006400012345678987654", problem!.Message);
    }

    [Fact]
    public void No_bank_account_is_rejected() =>
        Assert.Equal("bankAccounts", SubMerchantRules.Check(Valid() with { BankAccounts = [] })?.Field);

    [Theory]
    [InlineData("")]
    [InlineData("member.paywall.one")]
    [InlineData("member@paywall")]
    [InlineData("a b@paywall.one")]
    public void A_bad_email_is_rejected(string email)
    {
        var problem = SubMerchantRules.Check(Valid() with { MemberEmail = email });

        Assert.Equal((SubMerchantRejectionReasons.InvalidEmail, "memberEmail"), (problem?.Reason, problem?.Field));
    }

    [Fact]
    public void Missing_names_and_external_id_are_rejected_by_field()
    {
        Assert.Equal((SubMerchantRejectionReasons.InvalidExternalId, "memberExternalId"), Field(Valid() with { MemberExternalId = "" }));
        Assert.Equal((SubMerchantRejectionReasons.InvalidMember, "memberName"), Field(Valid() with { MemberName = " " }));
        Assert.Equal((SubMerchantRejectionReasons.InvalidMember, "memberTitle"), Field(Valid() with { MemberTitle = "" }));
        Assert.Equal((SubMerchantRejectionReasons.InvalidMember, "memberType"), Field(Valid() with { MemberType = 0 }));
    }

    [Fact]
    public void The_command_prints_without_its_personal_data()
    {
        var text = Valid() with { MemberIdentityNumber = "10000000146" };

        Assert.DoesNotContain(Iban, text.ToString());
        Assert.DoesNotContain("10000000146", text.ToString());
        Assert.DoesNotContain("4651176935", text.ToString());
        Assert.DoesNotContain("member@paywall.one", text.ToString());
        Assert.DoesNotContain(Iban, text.BankAccounts[0].ToString());
    }

    static (string?, string?) Field(RegisterSubMerchant command) => SubMerchantRules.Check(command) is { } p ? (p.Reason, p.Field) : (null, null);
}
