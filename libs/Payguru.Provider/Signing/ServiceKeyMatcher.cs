namespace Payguru.Provider.Signing;

/// <summary>Payguru's callbacks do not name the service: it is the one whose key matches the presented one.</summary>
public static class ServiceKeyMatcher
{
    /// <summary>Every service is checked, each in constant time.</summary>
    public static ServiceSecret? FindService(
        IEnumerable<ServiceSecret> services, Func<ServiceSecret, string> expectedKey, string? presentedKey)
    {
        ServiceSecret? match = null;
        foreach (var service in services)
        {
            if (Md5Key.Matches(expectedKey(service), presentedKey))
            {
                match ??= service;
            }
        }

        return match;
    }
}
