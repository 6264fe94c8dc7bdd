namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteIdentityStoreTests : IdentityStoreTests<SqliteTestDatabase>;
