namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerIdentityStoreTests : IdentityStoreTests<SqlServerTestDatabase>;
