namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerOutboxStoreTests : OutboxStoreTests<SqlServerTestDatabase>;
