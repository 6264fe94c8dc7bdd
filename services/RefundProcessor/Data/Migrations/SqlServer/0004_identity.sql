-- SQL Server twin of Sqlite/0004_identity.sql (conventions in 0001_foundation.sql).
-- What Payguru's identity check of an order needs (RegisterOrderIdentity), one row per configured service:
-- md5(TCKN + service key), never the TCKN itself. Erased once Payguru reports the check (verified or unverified).
-- The key fills the 900 bytes a clustered key may hold: order_ref at the processor's bound
-- (IdentityRegistrationRules.MaxOrderLength, 100), service_code the rest, above the configured codes' bound
-- (PayguruServiceOptions.MaxCodeLength, 100, checked at start-up).
CREATE TABLE order_identities (
    order_ref     NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    service_code  NVARCHAR(350) COLLATE Latin1_General_100_BIN2 NOT NULL,
    tckn_hash     NVARCHAR(32)  COLLATE Latin1_General_100_BIN2 NOT NULL, -- lower-case hex md5, the "tckn" of the verify answer
    registered_at NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_order_identities PRIMARY KEY (order_ref, service_code)
);
