namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerTokenStoreTests : TokenStoreTests<SqlServerTestDatabase>;
