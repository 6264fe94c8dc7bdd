namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteInboxStoreTests : InboxStoreTests<SqliteTestDatabase>;
