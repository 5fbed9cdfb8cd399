-- V1: ledger storage, access control and (separately) household personal data.
-- Invariants live here as well as in code: a bug or a hand-written SQL statement cannot
-- produce a row the application would refuse. See docs/storage.md.

-- ---------------------------------------------------------------------------------------
-- ledger: one hash chain.
-- ---------------------------------------------------------------------------------------
CREATE TABLE ledger (
    ledger_id  text        PRIMARY KEY CHECK (ledger_id ~ '^[A-Za-z0-9._-]{1,64}$'),
    hash_alg   text        NOT NULL CHECK (hash_alg IN ('sha-256', 'sm3')),
    head_seq   bigint      NOT NULL CHECK (head_seq >= 0),
    head_hash  bytea       NOT NULL CHECK (octet_length(head_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ledger IS
    'One hash-chained ledger. The appender locks this row FOR UPDATE to serialize appends across '
    'API instances; head_seq/head_hash are a derived cache of the last entry and are the only '
    'mutable ledger state (the entries themselves are append-only).';
COMMENT ON COLUMN ledger.ledger_id IS 'Stable identifier, 1-64 chars of [A-Za-z0-9._-].';
COMMENT ON COLUMN ledger.hash_alg IS 'Hash function of the chain: sha-256 (FIPS 180-4) or sm3 (GB/T 32905). Fixed at creation.';
COMMENT ON COLUMN ledger.head_seq IS 'Sequence number of the last appended entry (cache, updated under the row lock).';
COMMENT ON COLUMN ledger.head_hash IS 'Hash (32 bytes) of the last appended entry (cache, updated under the row lock).';
COMMENT ON COLUMN ledger.created_at IS 'When the ledger was created.';

-- ---------------------------------------------------------------------------------------
-- entry: the chain itself. Append-only, enforced by triggers below.
-- ---------------------------------------------------------------------------------------
CREATE TABLE entry (
    ledger_id text        NOT NULL REFERENCES ledger (ledger_id),
    seq       bigint      NOT NULL CHECK (seq >= 0),
    ts        timestamptz NOT NULL,
    actor     text        NOT NULL,
    type      text        NOT NULL,
    canonical bytea       NOT NULL,
    hash      bytea       NOT NULL CHECK (octet_length(hash) = 32),
    prev      bytea       NOT NULL CHECK (octet_length(prev) = 32),
    PRIMARY KEY (ledger_id, seq)
);
COMMENT ON TABLE entry IS
    'Entries of a ledger, append-only: triggers entry_no_update_delete and entry_no_truncate raise '
    'an exception on UPDATE, DELETE and TRUNCATE. Only a superuser can get around that '
    '(ALTER TABLE entry DISABLE TRIGGER ...), which is exactly the tampering the hash chain '
    'makes detectable.';
COMMENT ON COLUMN entry.ledger_id IS 'Ledger this entry belongs to.';
COMMENT ON COLUMN entry.seq IS 'Position in the chain, 0-based, gap-free per ledger.';
COMMENT ON COLUMN entry.ts IS 'Timestamp of the entry (also inside canonical; copied out for queries).';
COMMENT ON COLUMN entry.actor IS 'Organization that appended the entry (also inside canonical).';
COMMENT ON COLUMN entry.type IS 'Event type (also inside canonical).';
COMMENT ON COLUMN entry.canonical IS
    'The exact RFC 8785 (JCS) canonical bytes of the entry; the hash is computed over these bytes, '
    'never over a re-serialization.';
COMMENT ON COLUMN entry.hash IS 'Hash (32 bytes, ledger.hash_alg) of this entry.';
COMMENT ON COLUMN entry.prev IS 'Hash (32 bytes) of the previous entry; for seq 0 the ledger''s genesis value.';

CREATE FUNCTION entry_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Ledger entries can only be inserted; corrections are new entries.';
END;
$$;
COMMENT ON FUNCTION entry_append_only() IS
    'Trigger function that rejects UPDATE, DELETE and TRUNCATE on entry (append-only ledger).';

CREATE TRIGGER entry_no_update_delete
    BEFORE UPDATE OR DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION entry_append_only();
COMMENT ON TRIGGER entry_no_update_delete ON entry IS 'Rejects every UPDATE and DELETE of an entry row.';

CREATE TRIGGER entry_no_truncate
    BEFORE TRUNCATE ON entry
    FOR EACH STATEMENT EXECUTE FUNCTION entry_append_only();
COMMENT ON TRIGGER entry_no_truncate ON entry IS 'Rejects TRUNCATE of the entry table.';

-- ---------------------------------------------------------------------------------------
-- entry_lot: which entries mention which lot (for GET /lots/{lotId}/events).
-- ---------------------------------------------------------------------------------------
CREATE TABLE entry_lot (
    ledger_id text   NOT NULL,
    lot_id    text   NOT NULL CHECK (length(lot_id) BETWEEN 1 AND 128),
    seq       bigint NOT NULL CHECK (seq >= 0),
    PRIMARY KEY (ledger_id, lot_id, seq),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE entry_lot IS 'Index: entries (ledger_id, seq) that mention a lot. Derived from entry; rebuildable.';
COMMENT ON COLUMN entry_lot.ledger_id IS 'Ledger of the entry.';
COMMENT ON COLUMN entry_lot.lot_id IS 'Lot identifier mentioned by the entry.';
COMMENT ON COLUMN entry_lot.seq IS 'Sequence number of the entry.';

-- ---------------------------------------------------------------------------------------
-- organization / api_key: who may write.
-- ---------------------------------------------------------------------------------------
CREATE TABLE organization (
    org_id     text        PRIMARY KEY CHECK (org_id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role       text        NOT NULL CHECK (role IN ('cooperative', 'processor', 'inspector', 'seller', 'social_org')),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE organization IS 'A participant in the supply chain; its role decides what it may append or read.';
COMMENT ON COLUMN organization.org_id IS 'Stable identifier, lower-case, 1-64 chars of [a-z0-9._-], starting with [a-z0-9].';
COMMENT ON COLUMN organization.name IS 'Display name.';
COMMENT ON COLUMN organization.role IS 'One of cooperative, processor, inspector, seller, social_org.';
COMMENT ON COLUMN organization.created_at IS 'When the organization was registered.';

CREATE TABLE api_key (
    key_id     text        PRIMARY KEY CHECK (key_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    org_id     text        NOT NULL REFERENCES organization (org_id),
    key_hash   bytea       NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    is_admin   boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz NULL,
    CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);
COMMENT ON TABLE api_key IS 'Bearer keys of organizations. The secret is never stored, only its SHA-256.';
COMMENT ON COLUMN api_key.key_id IS 'Public identifier of the key (safe to log).';
COMMENT ON COLUMN api_key.org_id IS 'Organization the key acts for.';
COMMENT ON COLUMN api_key.key_hash IS 'SHA-256 (32 bytes) of the secret as presented in Authorization: Bearer.';
COMMENT ON COLUMN api_key.is_admin IS 'Admin keys may manage organizations and keys.';
COMMENT ON COLUMN api_key.created_at IS 'When the key was issued.';
COMMENT ON COLUMN api_key.revoked_at IS 'When the key was revoked; NULL while valid.';
CREATE INDEX api_key_org_idx ON api_key (org_id);

-- ---------------------------------------------------------------------------------------
-- idempotency: replay protection for appends (Idempotency-Key header).
-- ---------------------------------------------------------------------------------------
CREATE TABLE idempotency (
    ledger_id    text        NOT NULL REFERENCES ledger (ledger_id),
    org_id       text        NOT NULL REFERENCES organization (org_id),
    idem_key     text        NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
    request_hash bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
    response     jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ledger_id, org_id, idem_key)
);
COMMENT ON TABLE idempotency IS
    'Results of idempotent appends: the same (ledger, org, key) with the same request hash replays '
    'response; with a different request hash it is a conflict.';
COMMENT ON COLUMN idempotency.ledger_id IS 'Ledger the request appended to.';
COMMENT ON COLUMN idempotency.org_id IS 'Organization that sent the request (keys are scoped per org).';
COMMENT ON COLUMN idempotency.idem_key IS 'Client-chosen Idempotency-Key header value.';
COMMENT ON COLUMN idempotency.request_hash IS 'SHA-256 (32 bytes) of the request body, to detect key reuse with another body.';
COMMENT ON COLUMN idempotency.response IS 'Response body returned the first time, replayed on retries.';
COMMENT ON COLUMN idempotency.created_at IS 'When the request was first processed.';

-- ---------------------------------------------------------------------------------------
-- household_profile: personal data, deliberately outside the hash chain.
-- ---------------------------------------------------------------------------------------
CREATE TABLE household_profile (
    household_id       text        PRIMARY KEY CHECK (household_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    cooperative_org_id text        NOT NULL REFERENCES organization (org_id),
    display_name       text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    phone              text        NULL CHECK (length(phone) <= 32),
    id_number          text        NULL CHECK (length(id_number) <= 32),
    village            text        NULL CHECK (length(village) <= 100),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE household_profile IS
    'Personal data of a farming household, keyed by its pseudonymous household_id. MUTABLE and '
    'erasable, and it never enters a hashed ledger entry: entries carry only household_id.';
COMMENT ON COLUMN household_profile.household_id IS 'Pseudonymous id used in ledger entries, 1-32 chars of [A-Za-z0-9._-].';
COMMENT ON COLUMN household_profile.cooperative_org_id IS 'Cooperative that owns (and may read/edit) this profile.';
COMMENT ON COLUMN household_profile.display_name IS 'Personal data: name shown to authorized staff.';
COMMENT ON COLUMN household_profile.phone IS 'Personal data: phone number.';
COMMENT ON COLUMN household_profile.id_number IS 'Personal data: national ID number, optional.';
COMMENT ON COLUMN household_profile.village IS 'Personal data: village.';
COMMENT ON COLUMN household_profile.updated_at IS 'Last change of the profile.';
