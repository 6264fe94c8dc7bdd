namespace Payguru.RefundProcessor.Tests.Stores.SqlServer;

public sealed class SqlServerPaymentStoreTests : PaymentStoreTests<SqlServerTestDatabase>;
