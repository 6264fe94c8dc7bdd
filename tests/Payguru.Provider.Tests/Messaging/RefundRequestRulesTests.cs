using System.Globalization;
using Payguru.Contracts.Refunds;

namespace Payguru.Provider.Tests.Messaging;

public class RefundRequestRulesTests
{
    const string Order = "ORDER-1001";
    const string Name = "Çağrı Öz";
    const string ValidIban = "TR800011100000000036888459";

    [Theory]
    [InlineData("1.5")]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("10.50")]
    [InlineData("1.500")] // the same value with a trailing zero: still two decimals
    [InlineData("99999999.99")]
    public void A_positive_amount_with_at_most_two_decimals_is_valid(string amount)
    {
        Assert.Null(RefundRequestRules.Check(Order, decimal.Parse(amount, CultureInfo.InvariantCulture), Name, ValidIban));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-1")]
    [InlineData("-0.01")]
    [InlineData("1.005")]
    [InlineData("0.001")]
    [InlineData("10.501")]
    public void Zero_negative_or_more_than_two_decimals_is_an_invalid_amount(string amount)
    {
        var problem = RefundRequestRules.Check(Order, decimal.Parse(amount, CultureInfo.InvariantCulture), Name, ValidIban);

        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidAmount, problem.Reason);
        Assert.Equal("invalid_amount", problem.Reason);
        Assert.Equal("amount", problem.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_order_is_invalid(string? order)
    {
        var problem = RefundRequestRules.Check(order, 1.5m, Name, ValidIban);

        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidOrder, problem.Reason);
        Assert.Equal("order", problem.Field);
    }

    [Fact]
    public void An_order_longer_than_the_limit_is_invalid_and_one_at_the_limit_is_not()
    {
        var atLimit = new string('O', RefundRequestRules.MaxOrderLength);
        var tooLong = atLimit + "O";

        Assert.Null(RefundRequestRules.Check(atLimit, 1.5m, Name, ValidIban));
        var problem = RefundRequestRules.Check(tooLong, 1.5m, Name, ValidIban);
        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidOrder, problem.Reason);
        Assert.Equal("order", problem.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_contact_name_is_invalid(string? name)
    {
        var problem = RefundRequestRules.Check(Order, 1.5m, name, ValidIban);

        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidContactName, problem.Reason);
        Assert.Equal("contactName", problem.Field);
    }

    [Fact]
    public void A_contact_name_longer_than_the_limit_is_invalid_and_one_at_the_limit_is_not()
    {
        var atLimit = new string('Ç', RefundRequestRules.MaxContactNameLength);

        Assert.Null(RefundRequestRules.Check(Order, 1.5m, atLimit, ValidIban));
        var problem = RefundRequestRules.Check(Order, 1.5m, atLimit + "a", ValidIban);
        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidContactName, problem.Reason);
        Assert.DoesNotContain(atLimit, problem.Message);
    }

    [Theory]
    [InlineData("TR370006400012345678987654")]
    [InlineData("TR12345671234567")]
    [InlineData("XX800011100000000036888459")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_iban_is_invalid_iban_on_the_iban_field_without_repeating_it(string? iban)
    {
        var problem = RefundRequestRules.Check(Order, 1.5m, Name, iban);

        Assert.NotNull(problem);
        Assert.Equal(RefundRejectionReasons.InvalidIban, problem.Reason);
        Assert.Equal("invalid_iban", problem.Reason);
        Assert.Equal("iban", problem.Field);
        Assert.NotEqual("", problem.Message);
        if (!string.IsNullOrEmpty(iban))
        {
            Assert.DoesNotContain(iban, problem.Message);
        }
    }

    [Theory]
    [InlineData("tr80 0011 1000 0000 0036 8884 59")]
    [InlineData("TR330006100519786457841326")]
    [InlineData("DE89370400440532013000")]
    public void A_valid_iban_in_any_form_passes(string iban)
    {
        Assert.Null(RefundRequestRules.Check(Order, 0.01m, Name, iban));
    }

    [Fact]
    public void No_problem_message_holds_the_contact_name_or_the_iban()
    {
        const string secretName = "Zeynep Kaya-Gizli";
        const string badIban = "TR370006400012345678987654";

        var problems = new[]
        {
            RefundRequestRules.Check(Order, 0m, secretName, badIban),
            RefundRequestRules.Check(Order, 1m, secretName + new string('x', 200), badIban),
            RefundRequestRules.Check(Order, 1m, secretName, badIban),
        };

        Assert.All(problems, problem =>
        {
            Assert.NotNull(problem);
            Assert.DoesNotContain("Zeynep", problem.Message);
            Assert.DoesNotContain(badIban, problem.Message);
            Assert.DoesNotContain("0006400012345678987654", problem.Message);
        });
    }

    [Theory]
    [InlineData("1", "1.00")]
    [InlineData("1.5", "1.50")]
    [InlineData("0.01", "0.01")]
    [InlineData("10.50", "10.50")]
    [InlineData("1234567.89", "1234567.89")]
    public void FormatAmount_writes_two_decimals_with_a_dot(string amount, string expected)
    {
        Assert.Equal(expected, RefundRequestRules.FormatAmount(decimal.Parse(amount, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void FormatAmount_ignores_the_current_culture(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            // The culture really is one with a decimal comma, so the assertions below can fail.
            Assert.Equal("1,50", 1.5m.ToString("0.00", CultureInfo.CurrentCulture));

            Assert.Equal("1.00", RefundRequestRules.FormatAmount(1m));
            Assert.Equal("1.50", RefundRequestRules.FormatAmount(1.5m));
            Assert.Equal("1234567.89", RefundRequestRules.FormatAmount(1234567.89m));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
