-- What Payguru's identity check of an order needs (RegisterOrderIdentity), one row per configured service:
-- md5(TCKN + service key), never the TCKN itself. Erased once Payguru reports the check (verified or unverified).
CREATE TABLE order_identities (
    order_ref     TEXT NOT NULL,
    service_code  TEXT NOT NULL,
    tckn_hash     TEXT NOT NULL, -- lower-case hex md5, the "tckn" of the verify answer
    registered_at TEXT NOT NULL,
    PRIMARY KEY (order_ref, service_code)
);
