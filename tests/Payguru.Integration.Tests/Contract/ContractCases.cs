using Payguru.Contracts.Ids;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;
using static Payguru.Integration.Tests.Contract.ContractStep;

namespace Payguru.Integration.Tests.Contract;

/// <summary>
/// The one table the stand-ins of Payguru.Contracts.Testing and the real processor both run. Request ids are derived
/// from the case, so both sides see the same ids; refund ids come from the provider (the sandbox and the stand-in both
/// start at 1), so the cases run in this order on both.
/// </summary>
public static class ContractCases
{
    const string Tckn = "10000000146";
    const string OtherTckn = "10000000078";
    static readonly Guid Namespace = new("3c1f0b1e-2a55-4c1d-8f1e-0d6b9e7a4c21");

    public static IReadOnlyList<(string Name, IReadOnlyList<ContractStep> Steps)> All { get; } =
    [
        ("submitted, asked again, queried, paid", [
            new Pay(910001, "CT-ORDER-1", 10.00m),
            new Request(Refund("submit", "CT-ORDER-1", 2.50m)),
            new Request(Refund("submit", "CT-ORDER-1", 2.50m) with { Reason = "retried" }),
            new Query(Id("submit")),
            new PayRefund(Id("submit")),
            new Query(Id("submit")),
        ]),
        ("over-refund against the payment, exactly the rest", [
            new Pay(910002, "CT-ORDER-2", 10.00m),
            new Request(Refund("first", "CT-ORDER-2", 6.00m)),
            new Request(Refund("too-much", "CT-ORDER-2", 4.01m)),
            new Request(Refund("the-rest", "CT-ORDER-2", 4.00m)),
            new Query(Id("too-much")),
        ]),
        ("invalid requests", [
            new Request(Refund("bad-amount", "CT-ORDER-3", 1.005m)),
            new Request(Refund("zero", "CT-ORDER-3", 0m)),
            new Request(Refund("bad-iban", "CT-ORDER-3", 1.00m) with { Iban = "TR370006400012345678987654" }),
            new Request(Refund("no-name", "CT-ORDER-3", 1.00m) with { ContactName = " " }),
            new Request(Refund("no-order", "", 1.00m)),
            new Request(Refund("long-order", new string('o', 101), 1.00m)),
            new Request(Refund("long-order", new string('o', 101), 1.00m)),
            new Request(Refund("unknown-service", "CT-ORDER-3", 1.00m) with { ServiceCode = "NOPE" }),
            new Query(Id("bad-iban")),
            new Query(Id("never-asked")),
        ]),
        ("provider refuses the create, then makes the next", [
            new Pay(910004, "CT-ORDER-4", 10.00m),
            new RefuseNextRefund("ERR_005", "Refund amount exceeds"),
            new Request(Refund("refused", "CT-ORDER-4", 1.00m)),
            new Request(Refund("refused", "CT-ORDER-4", 1.00m)),
            new Query(Id("refused")),
            new Request(Refund("after-refusal", "CT-ORDER-4", 1.00m)),
        ]),
        ("identity registered, again, replaced, rejected", [
            new RegisterIdentity("CT-ORDER-5", Tckn),
            new RegisterIdentity("CT-ORDER-5", Tckn),
            new RegisterIdentity("CT-ORDER-5", OtherTckn),
            new RegisterIdentity("CT-ORDER-6", "10000000147"),
            new RegisterIdentity("CT-ORDER-6", "1234"),
            new RegisterIdentity("", Tckn),
        ]),
        ("sub-merchant registered, again, invalid, refused by Paywall, registered after", [
            new RegisterMember(SubMerchantEvents.Member("CT-EXT-1")),
            new RegisterMember(SubMerchantEvents.Member("CT-EXT-1")),
            new RegisterMember(SubMerchantEvents.Member("CT-EXT-2") with { MemberEmail = "not-an-address" }),
            new RefuseNextMember(1001, "Member service busy"),
            new RegisterMember(SubMerchantEvents.Member("CT-EXT-3")),
            new RegisterMember(SubMerchantEvents.Member("CT-EXT-3")),
        ]),
        ("client tokens issued, invalid, refused by Paywall", [
            new Token(new IssueClientToken(true, false, 10)),
            new Token(new IssueClientToken(false, true, 31)),
            new RefuseNextToken(1001, "Token service busy"),
            new Token(new IssueClientToken(true, true, 5)),
        ]),
    ];

    static Guid Id(string name) => NameBasedGuid.Create(Namespace, name);

    static RequestRefund Refund(string name, string order, decimal amount) =>
        new(Id(name), order, PayguruCode: null, ServiceCode: null, amount, "Demo Customer", Demo.Iban, Reason: $"contract case {name}");
}
