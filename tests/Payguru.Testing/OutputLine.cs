using System.Globalization;

namespace Payguru.Testing;

/// <summary>One line a <see cref="ServiceProcess"/> wrote, numbered in the order it arrived.</summary>
public sealed record OutputLine(int Index, DateTimeOffset Time, bool IsError, string Text)
{
    public override string ToString() =>
        $"{Time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {(IsError ? "err" : "out")}| {Text}";
}
