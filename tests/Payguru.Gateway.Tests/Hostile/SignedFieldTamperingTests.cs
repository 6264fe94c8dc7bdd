using System.Net;
using CsCheck;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Hostile;

/// <summary>
/// Property: from a genuine callback of each kind, in each form, any change to any signed field or to the
/// key is refused 400 and publishes (or asks) nothing. The genuine callbacks themselves are accepted first,
/// so the property is about the change and not about a broken base.
/// </summary>
public sealed class SignedFieldTamperingTests : GatewayTest
{
    const int Iterations = 400;

    public SignedFieldTamperingTests()
        : this(new KnownIdentities())
    {
    }

    SignedFieldTamperingTests(KnownIdentities known)
        : base(new GatewayFactory { ConfigureBus = IdentityQueryResponder.On(known) })
    {
        known.Add("ORDER-1001", GatewayFactory.DemoService, IdentityCalls.DemoAnswer);
    }

    /// <summary>Text with NUL and other control characters, Latin and Turkish letters, and no lone surrogate.</summary>
    static readonly Gen<char> AnyChar = Gen.Char['\0', '\u024F'];

    /// <summary>One change to one signed field of one genuine callback in one form.</summary>
    static readonly Gen<Tampering> Tamperings =
        from callback in Gen.OneOf(GenuineCallback.All)
        from form in Gen.Enum<NotificationForm>()
        from field in Gen.OneOf(callback.SignedFields)
        from change in Gen.Int[0, 3]
        from position in Gen.Int[0, 64]
        from c in AnyChar
        from replacement in Gen.String[AnyChar, 0, 40]
        select new Tampering(callback, form, field, change, position, c, replacement);

    [Fact]
    public async Task Any_change_to_a_signed_field_or_the_key_is_refused_400_and_publishes_nothing()
    {
        foreach (var callback in GenuineCallback.All)
        {
            foreach (var form in Enum.GetValues<NotificationForm>())
            {
                var genuine = await Client.SendAsync(callback.Request(form, callback.Fields()));
                Assert.True(genuine.StatusCode == HttpStatusCode.OK, $"the genuine {callback} ({form}) should be accepted: {(int)genuine.StatusCode}");
            }
        }

        var publishedByGenuine = Gateway.Publishes.Count;
        Assert.Equal(GenuineCallback.All.Length * Enum.GetValues<NotificationForm>().Length, publishedByGenuine);

        await Tamperings.Where(t => t.Changes).SampleAsync(
            async tampering =>
            {
                var response = await Client.SendAsync(tampering.Callback.Request(tampering.Form, tampering.Fields()));
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode} {body}");
                Assert.NotEqual("OK", body);
            },
            iter: Iterations,
            print: t => t.ToString());

        Assert.Equal(publishedByGenuine, Gateway.Publishes.Count);
    }

    /// <summary>
    /// Change 0 replaces the whole value, 1 inserts <paramref name="Char"/>, 2 deletes a character, 3 replaces one
    /// (at <paramref name="Position"/>, folded into the value's length).
    /// </summary>
    public sealed record Tampering(GenuineCallback Callback, NotificationForm Form, string Field, int Change, int Position, char Char, string Replacement)
    {
        string Original => Callback.Fields()[Field];

        string Changed
        {
            get
            {
                var original = Original;
                var at = original.Length == 0 ? 0 : Position % original.Length;
                return Change switch
                {
                    0 => Replacement,
                    1 => original.Insert(Position % (original.Length + 1), Char.ToString()),
                    2 => original.Remove(at, 1),
                    _ => original.Remove(at, 1).Insert(at, Char.ToString()),
                };
            }
        }

        /// <summary>
        /// A change the key tells: upper-case hex is the same digest (docs/protocol.md: keys are case-insensitive),
        /// so for the key only a change beyond case counts.
        /// </summary>
        public bool Changes => Field == "key"
            ? !string.Equals(Changed, Original, StringComparison.OrdinalIgnoreCase)
            : !string.Equals(Changed, Original, StringComparison.Ordinal);

        public Dictionary<string, string> Fields()
        {
            var fields = Callback.Fields();
            fields[Field] = Changed;
            return fields;
        }

        public override string ToString() =>
            $"{Callback} {Form} {Field}: \"{Original}\" -> \"{string.Concat(Changed.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}\"";
    }
}
