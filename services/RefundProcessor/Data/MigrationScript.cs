using System.Globalization;
using System.Reflection;

namespace Payguru.RefundProcessor.Data;

/// <summary>One versioned schema script: <c>NNNN_name.sql</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    public static MigrationScript Load(Assembly assembly, string resourceName, string fileStem)
    {
        var separator = fileStem.IndexOf('_');
        if (separator <= 0 || !int.TryParse(fileStem[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resourceName}' must be named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, fileStem[(separator + 1)..], reader.ReadToEnd());
    }
}
