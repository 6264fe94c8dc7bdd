namespace Payguru.RefundProcessor.Options;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
