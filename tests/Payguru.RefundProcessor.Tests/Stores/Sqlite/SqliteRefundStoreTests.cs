namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteRefundStoreTests : RefundStoreTests<SqliteTestDatabase>;
