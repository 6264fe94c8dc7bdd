namespace Payguru.RefundProcessor.Tests.Stores.Sqlite;

public sealed class SqlitePaymentStoreTests : PaymentStoreTests<SqliteTestDatabase>;
