-- V2: validation state. Projections of the entries that EventValidator reads (LedgerView), written
-- by the group-commit appender in the SAME transaction as the entries they derive from, so they
-- never disagree with the chain. All are derived data: they can be rebuilt by replaying entries.
-- See docs/storage.md, "Projections and group commit".

CREATE TABLE product (
    ledger_id text   NOT NULL REFERENCES ledger (ledger_id),
    gtin      text   NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    base_unit text   NOT NULL CHECK (base_unit IN ('g', 'ml', 'piece')),
    seq       bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, gtin),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE product IS 'Registered products (product.registered). Derived from entry.';
COMMENT ON COLUMN product.ledger_id IS 'Ledger the product is registered in.';
COMMENT ON COLUMN product.gtin IS 'GTIN, 14 digits (left-padded), GS1 check digit verified by the application.';
COMMENT ON COLUMN product.base_unit IS 'Unit every quantity of the product is counted in: g, ml or piece.';
COMMENT ON COLUMN product.seq IS 'Entry that registered the product.';

CREATE TABLE standard_version (
    ledger_id   text    NOT NULL REFERENCES ledger (ledger_id),
    standard_id text    NOT NULL CHECK (standard_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    version     integer NOT NULL CHECK (version >= 1),
    gtin        text    NOT NULL,
    title       text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    grades      jsonb   NOT NULL CHECK (jsonb_typeof(grades) = 'array' AND jsonb_array_length(grades) >= 1),
    seq         bigint  NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, standard_id, version),
    FOREIGN KEY (ledger_id, gtin) REFERENCES product (ledger_id, gtin),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE standard_version IS 'Published standard versions (standard.published); never change once published.';
COMMENT ON COLUMN standard_version.ledger_id IS 'Ledger the standard is published in.';
COMMENT ON COLUMN standard_version.standard_id IS 'Standard identifier; versions of one standard grade the same product.';
COMMENT ON COLUMN standard_version.version IS 'Version number, >= 1, strictly increasing per standard.';
COMMENT ON COLUMN standard_version.gtin IS 'Product the standard grades.';
COMMENT ON COLUMN standard_version.title IS 'Title of the standard version.';
COMMENT ON COLUMN standard_version.grades IS 'The body''s grades array as published: [{grade, limits: [{metric, min?, max?}]}].';
COMMENT ON COLUMN standard_version.seq IS 'Entry that published this version.';

CREATE TABLE site (
    ledger_id text   NOT NULL REFERENCES ledger (ledger_id),
    base_id   text   NOT NULL CHECK (base_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    seq       bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, base_id),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE site IS 'Registered production bases (site.registered). Names and places stay in the entry body.';
COMMENT ON COLUMN site.ledger_id IS 'Ledger the site is registered in.';
COMMENT ON COLUMN site.base_id IS 'Production base identifier.';
COMMENT ON COLUMN site.seq IS 'Entry that registered the site.';

CREATE TABLE household (
    ledger_id    text   NOT NULL REFERENCES ledger (ledger_id),
    household_id text   NOT NULL CHECK (household_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    cooperative  text   NOT NULL CHECK (cooperative ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    seq          bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, household_id),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE household IS
    'Enrolled households (household.enrolled), pseudonymous: no personal data here (see household_profile).';
COMMENT ON COLUMN household.ledger_id IS 'Ledger the household is enrolled in.';
COMMENT ON COLUMN household.household_id IS 'Pseudonymous household id.';
COMMENT ON COLUMN household.cooperative IS 'Organization id of the cooperative the household sells through; only it may record for the household.';
COMMENT ON COLUMN household.seq IS 'Entry that enrolled the household.';

CREATE TABLE lot (
    ledger_id   text    NOT NULL REFERENCES ledger (ledger_id),
    lot_id      text    NOT NULL CHECK (length(lot_id) BETWEEN 1 AND 20),
    gtin        text    NOT NULL,
    harvest_lot boolean NOT NULL,
    remaining   bigint  NOT NULL CHECK (remaining >= 0 AND remaining <= 9007199254740991),
    created_seq bigint  NOT NULL CHECK (created_seq > 0),
    updated_seq bigint  NOT NULL CHECK (updated_seq >= created_seq),
    PRIMARY KEY (ledger_id, lot_id),
    FOREIGN KEY (ledger_id, gtin) REFERENCES product (ledger_id, gtin)
);
COMMENT ON TABLE lot IS 'Lots and what they still hold. Updated (remaining) as deliveries add and transformations and sales draw.';
COMMENT ON COLUMN lot.ledger_id IS 'Ledger of the lot.';
COMMENT ON COLUMN lot.lot_id IS 'GS1 AI (10) lot id, 1-20 chars of GS1 character set 82 (checked by the application).';
COMMENT ON COLUMN lot.gtin IS 'Product the lot holds.';
COMMENT ON COLUMN lot.harvest_lot IS 'True if created by harvest.delivered (open to further deliveries), false if a transformation output.';
COMMENT ON COLUMN lot.remaining IS 'Quantity still in the lot, in the product''s base unit; never negative.';
COMMENT ON COLUMN lot.created_seq IS 'Entry that created the lot.';
COMMENT ON COLUMN lot.updated_seq IS 'Last entry that changed remaining.';

CREATE TABLE sale (
    ledger_id         text   NOT NULL REFERENCES ledger (ledger_id),
    sale_id           text   NOT NULL CHECK (sale_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    lot_id            text   NOT NULL,
    quantity          bigint NOT NULL CHECK (quantity > 0),
    gross_fen         bigint NOT NULL CHECK (gross_fen >= 0),
    refunded_quantity bigint NOT NULL DEFAULT 0 CHECK (refunded_quantity >= 0),
    refunded_fen      bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
    seq               bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, sale_id),
    FOREIGN KEY (ledger_id, lot_id) REFERENCES lot (ledger_id, lot_id),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq),
    CHECK (refunded_quantity <= quantity),
    CHECK (refunded_fen <= gross_fen)
);
COMMENT ON TABLE sale IS 'Recorded sales with the refunds against them so far (refunds never exceed the sale).';
COMMENT ON COLUMN sale.ledger_id IS 'Ledger of the sale.';
COMMENT ON COLUMN sale.sale_id IS 'Sale identifier, unique per ledger.';
COMMENT ON COLUMN sale.lot_id IS 'Lot the sale drew on.';
COMMENT ON COLUMN sale.quantity IS 'Quantity sold, base units, > 0.';
COMMENT ON COLUMN sale.gross_fen IS 'Gross amount in fen: quantity / pricePer * unitPriceFen.';
COMMENT ON COLUMN sale.refunded_quantity IS 'Sum of refunded quantities, <= quantity.';
COMMENT ON COLUMN sale.refunded_fen IS 'Sum of refunded amounts in fen, <= gross_fen.';
COMMENT ON COLUMN sale.seq IS 'Entry that recorded the sale.';

CREATE TABLE refund (
    ledger_id  text   NOT NULL REFERENCES ledger (ledger_id),
    refund_id  text   NOT NULL CHECK (refund_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    sale_id    text   NOT NULL,
    quantity   bigint NOT NULL CHECK (quantity > 0),
    amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
    seq        bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, refund_id),
    FOREIGN KEY (ledger_id, sale_id) REFERENCES sale (ledger_id, sale_id),
    FOREIGN KEY (ledger_id, seq) REFERENCES entry (ledger_id, seq)
);
COMMENT ON TABLE refund IS 'Recorded refunds (sale.refunded); their sums are kept on sale.';
COMMENT ON COLUMN refund.ledger_id IS 'Ledger of the refund.';
COMMENT ON COLUMN refund.refund_id IS 'Refund identifier, unique per ledger.';
COMMENT ON COLUMN refund.sale_id IS 'Sale refunded.';
COMMENT ON COLUMN refund.quantity IS 'Quantity returned, base units, > 0.';
COMMENT ON COLUMN refund.amount_fen IS 'Money paid back in fen, >= 0.';
COMMENT ON COLUMN refund.seq IS 'Entry that recorded the refund.';
