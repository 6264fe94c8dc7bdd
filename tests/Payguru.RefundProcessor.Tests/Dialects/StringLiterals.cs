using System.Reflection;
using System.Reflection.Emit;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// The string literals an assembly's code loads (<c>ldstr</c>), read from the IL of every method,
/// the compiler's async state machines and lambdas included, each with the type and member whose
/// source holds it. SQL written inline in a store is found this way without being listed anywhere.
/// </summary>
public static class StringLiterals
{
    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(opCode => opCode.Value);

    /// <summary>Every literal of <paramref name="assembly"/>, with the source type (outside any compiler-generated one) and member.</summary>
    public static IEnumerable<(Type Type, string Member, string Value)> In(Assembly assembly) =>
        from type in assembly.GetTypes()
        from method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything))
        from value in LoadedBy(method)
        let source = SourceOf(method)
        select (source.Type, source.Member, value);

    static IEnumerable<string> LoadedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            if (opCode == OpCodes.Ldstr)
            {
                yield return method.Module.ResolveString(BitConverter.ToInt32(il, position));
            }

            position += OperandSize(opCode.OperandType, il, position);
        }
    }

    static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
        _ => 4,
    };

    /// <summary>
    /// The type and member as written: a lambda or an async method's state machine is a
    /// compiler-generated type (<c>&lt;FindAsync&gt;d__3</c>) nested in the type that holds the source.
    /// </summary>
    static (Type Type, string Member) SourceOf(MethodBase method)
    {
        var type = method.DeclaringType!;
        var member = MemberName(method.Name);
        while (type.IsNested && type.Name.StartsWith('<'))
        {
            member = MemberName(type.Name);
            type = type.DeclaringType!;
        }

        return (type, member);
    }

    static string MemberName(string name) =>
        name.StartsWith('<') && name.IndexOf('>') is var end and > 1 ? name[1..end] : name;
}
