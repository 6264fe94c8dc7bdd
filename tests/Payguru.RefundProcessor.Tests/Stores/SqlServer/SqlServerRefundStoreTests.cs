namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerRefundStoreTests : RefundStoreTests<SqlServerTestDatabase>;
