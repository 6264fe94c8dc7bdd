namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqliteSubMerchantStoreTests : SubMerchantStoreTests<SqliteTestDatabase>;
