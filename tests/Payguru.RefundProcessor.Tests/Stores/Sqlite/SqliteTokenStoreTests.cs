namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteTokenStoreTests : TokenStoreTests<SqliteTestDatabase>;
