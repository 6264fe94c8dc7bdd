namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteOutboxStoreTests : OutboxStoreTests<SqliteTestDatabase>;
