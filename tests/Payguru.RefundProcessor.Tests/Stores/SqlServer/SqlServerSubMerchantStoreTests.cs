namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerSubMerchantStoreTests : SubMerchantStoreTests<SqlServerTestDatabase>;
