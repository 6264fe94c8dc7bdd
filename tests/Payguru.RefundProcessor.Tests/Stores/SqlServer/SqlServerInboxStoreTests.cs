namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerInboxStoreTests : InboxStoreTests<SqlServerTestDatabase>;
