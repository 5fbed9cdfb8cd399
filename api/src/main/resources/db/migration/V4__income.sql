-- V4: household income and program figures (issue 5), and the read-only auditor role.
-- Every income table is derived data: IncomeProjector writes them from the committed entries, in
-- one transaction per batch together with income_watermark, and POST /api/v1/income/replay
-- rebuilds them in memory from a full replay and compares. See docs/income.md ("Projection") and
-- docs/storage.md. Deliberately no foreign keys to ledger or entry: the projector writes outside
-- the append transaction, and a derived table must never block work on the ledger's own tables
-- (the replay check is what ties every row to the entries).

-- ---------------------------------------------------------------------------------------
-- auditor: may read household figures and run the replay check; may record no event type.
-- ---------------------------------------------------------------------------------------
ALTER TABLE organization DROP CONSTRAINT organization_role_check;
ALTER TABLE organization ADD CONSTRAINT organization_role_check
    CHECK (role IN ('cooperative', 'processor', 'inspector', 'seller', 'social_org', 'auditor'));
COMMENT ON COLUMN organization.role IS 'One of cooperative, processor, inspector, seller, social_org, auditor (read-only).';

-- ---------------------------------------------------------------------------------------
-- income_watermark: how far the income tables follow the ledger.
-- ---------------------------------------------------------------------------------------
CREATE TABLE income_watermark (
    ledger_id  text        PRIMARY KEY,
    seq        bigint      NOT NULL CHECK (seq >= -1),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE income_watermark IS
    'The last entry seq whose income lines, revenue lines and rollups are in the income tables. '
    'Locked FOR UPDATE by the projector of every instance; it moves only in the transaction that '
    'writes the lines of the entries up to it, so no entry is counted twice or missed.';
COMMENT ON COLUMN income_watermark.ledger_id IS 'Ledger followed.';
COMMENT ON COLUMN income_watermark.seq IS 'Every entry with seq <= this is in the income tables; -1 before the first.';
COMMENT ON COLUMN income_watermark.updated_at IS 'When the watermark last moved.';

-- ---------------------------------------------------------------------------------------
-- income_product: products and the organization that registered them (the program).
-- ---------------------------------------------------------------------------------------
CREATE TABLE income_product (
    ledger_id     text   NOT NULL,
    gtin          text   NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    org_id        text   NOT NULL CHECK (org_id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    base_unit     text   NOT NULL CHECK (base_unit IN ('g', 'ml', 'piece')),
    reference_fen bigint NULL CHECK (reference_fen >= 0),
    reference_per bigint NULL CHECK (reference_per > 0),
    seq           bigint NOT NULL CHECK (seq > 0),
    PRIMARY KEY (ledger_id, gtin),
    CHECK ((reference_fen IS NULL) = (reference_per IS NULL))
);
COMMENT ON TABLE income_product IS
    'Registered products as programs see them: a program is the set of products whose '
    'product.registered entry was recorded by one organization (the entry actor).';
COMMENT ON COLUMN income_product.ledger_id IS 'Ledger of the product.';
COMMENT ON COLUMN income_product.gtin IS 'GTIN, 14 digits.';
COMMENT ON COLUMN income_product.org_id IS 'Actor of the product.registered entry: the organization whose program the product belongs to.';
COMMENT ON COLUMN income_product.base_unit IS 'Base unit of every quantity of the product: g, ml or piece.';
COMMENT ON COLUMN income_product.reference_fen IS 'Registered reference price in fen per reference_per base units (NULL when none).';
COMMENT ON COLUMN income_product.reference_per IS 'Base units the reference price is for (NULL when none).';
COMMENT ON COLUMN income_product.seq IS 'Entry that registered the product.';
CREATE INDEX income_product_org_idx ON income_product (ledger_id, org_id);

-- ---------------------------------------------------------------------------------------
-- income_line: one household's share of one entry (core IncomeLine).
-- ---------------------------------------------------------------------------------------
CREATE TABLE income_line (
    ledger_id     text        NOT NULL,
    seq           bigint      NOT NULL CHECK (seq > 0),
    household_id  text        NOT NULL CHECK (household_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    kind          text        NOT NULL CHECK (kind IN ('sale', 'refund', 'wage', 'payout')),
    amount_fen    bigint      NOT NULL CHECK (amount_fen <> 0 AND abs(amount_fen) <= 9007199254740991),
    occurred_at   timestamptz NOT NULL,
    occurred_date date        NOT NULL,
    channel       text        NULL CHECK (channel IN ('platform', 'livestream', 'social_group', 'offline')),
    sale_id       text        NULL,
    lot_id        text        NULL,
    gtin          text        NULL CHECK (gtin ~ '^[0-9]{14}$'),
    PRIMARY KEY (ledger_id, seq, household_id),
    CHECK ((amount_fen < 0) = (kind = 'refund')),
    CHECK (CASE WHEN kind IN ('sale', 'refund')
                THEN channel IS NOT NULL AND sale_id IS NOT NULL AND lot_id IS NOT NULL AND gtin IS NOT NULL
                ELSE channel IS NULL AND sale_id IS NULL AND lot_id IS NULL AND gtin IS NULL END)
);
COMMENT ON TABLE income_line IS
    'Household income lines (core IncomeLine): what one entry gave or took from one household. '
    'The lines of a sale or refund add up to its revenue_line net exactly.';
COMMENT ON COLUMN income_line.ledger_id IS 'Ledger of the entry.';
COMMENT ON COLUMN income_line.seq IS 'Entry the line comes from.';
COMMENT ON COLUMN income_line.household_id IS 'Pseudonymous household id.';
COMMENT ON COLUMN income_line.kind IS 'sale and wage: income (> 0); refund: reversal (< 0); payout: paid to the household (> 0, not income).';
COMMENT ON COLUMN income_line.amount_fen IS 'Signed amount in fen, never 0.';
COMMENT ON COLUMN income_line.occurred_at IS 'The event''s occurredAt.';
COMMENT ON COLUMN income_line.occurred_date IS 'occurredAt as a calendar date in China Standard Time (UTC+08:00); periods and months use it.';
COMMENT ON COLUMN income_line.channel IS 'Sales channel, for sale and refund lines only.';
COMMENT ON COLUMN income_line.sale_id IS 'Sale the line belongs to, for sale and refund lines only.';
COMMENT ON COLUMN income_line.lot_id IS 'Lot the sale drew on, for sale and refund lines only.';
COMMENT ON COLUMN income_line.gtin IS 'Product of the sold lot, for sale and refund lines only.';
CREATE INDEX income_line_household_idx
    ON income_line (ledger_id, household_id, occurred_date) INCLUDE (kind, amount_fen, channel, seq);

-- ---------------------------------------------------------------------------------------
-- revenue_line: one sale or refund before it is split among households (core RevenueLine).
-- ---------------------------------------------------------------------------------------
CREATE TABLE revenue_line (
    ledger_id     text        NOT NULL,
    seq           bigint      NOT NULL CHECK (seq > 0),
    kind          text        NOT NULL CHECK (kind IN ('sale', 'refund')),
    sale_id       text        NOT NULL,
    channel       text        NOT NULL CHECK (channel IN ('platform', 'livestream', 'social_group', 'offline')),
    lot_id        text        NOT NULL,
    gtin          text        NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    occurred_at   timestamptz NOT NULL,
    occurred_date date        NOT NULL,
    quantity      bigint      NOT NULL,
    gross_fen     bigint      NOT NULL,
    fees_fen      bigint      NOT NULL,
    net_fen       bigint      NOT NULL,
    PRIMARY KEY (ledger_id, seq),
    CHECK (gross_fen - fees_fen = net_fen),
    CHECK (CASE WHEN kind = 'sale'
                THEN quantity > 0 AND gross_fen >= 0 AND fees_fen >= 0 AND net_fen >= 0
                ELSE quantity < 0 AND gross_fen <= 0 AND fees_fen <= 0 AND net_fen <= 0 END)
);
COMMENT ON TABLE revenue_line IS
    'Revenue of one sale or refund entry (core RevenueLine); a refund''s figures are negative.';
COMMENT ON COLUMN revenue_line.ledger_id IS 'Ledger of the entry.';
COMMENT ON COLUMN revenue_line.seq IS 'The sale.recorded or sale.refunded entry.';
COMMENT ON COLUMN revenue_line.kind IS 'sale or refund.';
COMMENT ON COLUMN revenue_line.sale_id IS 'The sale (for a refund: the sale refunded).';
COMMENT ON COLUMN revenue_line.channel IS 'Channel of the sale.';
COMMENT ON COLUMN revenue_line.lot_id IS 'Lot the sale drew on.';
COMMENT ON COLUMN revenue_line.gtin IS 'Product of that lot.';
COMMENT ON COLUMN revenue_line.occurred_at IS 'The event''s occurredAt.';
COMMENT ON COLUMN revenue_line.occurred_date IS 'occurredAt as a date in China Standard Time.';
COMMENT ON COLUMN revenue_line.quantity IS 'Base units sold (> 0) or refunded (< 0).';
COMMENT ON COLUMN revenue_line.gross_fen IS 'Sale: quantity / pricePer * unitPriceFen; refund: minus amountFen.';
COMMENT ON COLUMN revenue_line.fees_fen IS 'Sale: the four fees; refund: minus the part of amountFen that was fees.';
COMMENT ON COLUMN revenue_line.net_fen IS 'gross_fen - fees_fen: what the household lines of the entry add up to.';

-- ---------------------------------------------------------------------------------------
-- Rollups for program figures: small, summed by the program endpoints.
-- ---------------------------------------------------------------------------------------
CREATE TABLE income_revenue_month (
    ledger_id         text   NOT NULL,
    gtin              text   NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    channel           text   NOT NULL CHECK (channel IN ('platform', 'livestream', 'social_group', 'offline')),
    month             date   NOT NULL CHECK (extract(day FROM month) = 1),
    gross_fen         bigint NOT NULL CHECK (gross_fen >= 0),
    refunded_fen      bigint NOT NULL CHECK (refunded_fen >= 0),
    fees_fen          bigint NOT NULL,
    net_fen           bigint NOT NULL,
    quantity_sold     bigint NOT NULL CHECK (quantity_sold >= 0),
    quantity_refunded bigint NOT NULL CHECK (quantity_refunded >= 0),
    sales             bigint NOT NULL CHECK (sales >= 0),
    refunds           bigint NOT NULL CHECK (refunds >= 0),
    PRIMARY KEY (ledger_id, gtin, channel, month),
    CHECK (gross_fen - refunded_fen - fees_fen = net_fen)
);
COMMENT ON TABLE income_revenue_month IS
    'Sum of revenue_line per product, channel and month (by occurred_date). Fees and net may be '
    'negative in a month that only holds refunds of earlier sales.';
COMMENT ON COLUMN income_revenue_month.ledger_id IS 'Ledger.';
COMMENT ON COLUMN income_revenue_month.gtin IS 'Product sold.';
COMMENT ON COLUMN income_revenue_month.channel IS 'Sales channel.';
COMMENT ON COLUMN income_revenue_month.month IS 'First day of the month (China Standard Time).';
COMMENT ON COLUMN income_revenue_month.gross_fen IS 'Gross of the sales dated in the month.';
COMMENT ON COLUMN income_revenue_month.refunded_fen IS 'Refund amounts (positive) dated in the month.';
COMMENT ON COLUMN income_revenue_month.fees_fen IS 'Fees of the sales less the fee part of the refunds.';
COMMENT ON COLUMN income_revenue_month.net_fen IS 'What reached households: gross - refunded - fees.';
COMMENT ON COLUMN income_revenue_month.quantity_sold IS 'Base units sold.';
COMMENT ON COLUMN income_revenue_month.quantity_refunded IS 'Base units refunded.';
COMMENT ON COLUMN income_revenue_month.sales IS 'Number of sale entries.';
COMMENT ON COLUMN income_revenue_month.refunds IS 'Number of refund entries.';

CREATE TABLE income_household_gtin_year (
    ledger_id        text    NOT NULL,
    gtin             text    NOT NULL CHECK (gtin ~ '^[0-9]{14}$'),
    year             integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
    channel          text    NOT NULL CHECK (channel IN ('platform', 'livestream', 'social_group', 'offline')),
    household_id     text    NOT NULL CHECK (household_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    sales_income_fen bigint  NOT NULL,
    sale_lines       bigint  NOT NULL CHECK (sale_lines >= 0),
    refund_lines     bigint  NOT NULL CHECK (refund_lines >= 0),
    PRIMARY KEY (ledger_id, gtin, year, channel, household_id),
    CHECK (sale_lines + refund_lines > 0)
);
COMMENT ON TABLE income_household_gtin_year IS
    'Sum of sale and refund income_line per product, year, channel and household: which households '
    'a program reached and what they earned from it.';
COMMENT ON COLUMN income_household_gtin_year.ledger_id IS 'Ledger.';
COMMENT ON COLUMN income_household_gtin_year.gtin IS 'Product sold.';
COMMENT ON COLUMN income_household_gtin_year.year IS 'Year of occurred_date (China Standard Time).';
COMMENT ON COLUMN income_household_gtin_year.channel IS 'Sales channel.';
COMMENT ON COLUMN income_household_gtin_year.household_id IS 'Household.';
COMMENT ON COLUMN income_household_gtin_year.sales_income_fen IS 'Sale lines less refund reversals, fen.';
COMMENT ON COLUMN income_household_gtin_year.sale_lines IS 'Number of sale lines (the household was reached through the channel when > 0).';
COMMENT ON COLUMN income_household_gtin_year.refund_lines IS 'Number of refund lines.';

CREATE TABLE income_household_year (
    ledger_id        text    NOT NULL,
    household_id     text    NOT NULL CHECK (household_id ~ '^[A-Za-z0-9._-]{1,32}$'),
    year             integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
    sales_income_fen bigint  NOT NULL,
    wages_fen        bigint  NOT NULL CHECK (wages_fen >= 0),
    paid_out_fen     bigint  NOT NULL CHECK (paid_out_fen >= 0),
    PRIMARY KEY (ledger_id, household_id, year)
);
COMMENT ON TABLE income_household_year IS
    'Sum of every income_line per household and year: the wages that count toward the programs a '
    'household took part in that year, and the CSV''s paid-out column.';
COMMENT ON COLUMN income_household_year.ledger_id IS 'Ledger.';
COMMENT ON COLUMN income_household_year.household_id IS 'Household.';
COMMENT ON COLUMN income_household_year.year IS 'Year of occurred_date (China Standard Time).';
COMMENT ON COLUMN income_household_year.sales_income_fen IS 'Sale lines less refund reversals, all products.';
COMMENT ON COLUMN income_household_year.wages_fen IS 'Wage lines.';
COMMENT ON COLUMN income_household_year.paid_out_fen IS 'Payout lines.';

-- ---------------------------------------------------------------------------------------
-- Program rollups: what a program summary reads, a handful of rows per program and year.
-- ---------------------------------------------------------------------------------------
CREATE TABLE income_program_year (
    ledger_id      text    NOT NULL,
    org_id         text    NOT NULL CHECK (org_id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    year           integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
    households     bigint  NOT NULL CHECK (households >= 0),
    net_income_fen bigint  NOT NULL,
    PRIMARY KEY (ledger_id, org_id, year)
);
COMMENT ON TABLE income_program_year IS
    'Per program (registering organization) and year: the participating households (a sale or '
    'refund line of one of its products dated that year) and their net income (those lines plus '
    'the households'' wages of the year). Maintained incrementally by the projector.';
COMMENT ON COLUMN income_program_year.ledger_id IS 'Ledger.';
COMMENT ON COLUMN income_program_year.org_id IS 'Program: the organization that registered its products.';
COMMENT ON COLUMN income_program_year.year IS 'Year (China Standard Time).';
COMMENT ON COLUMN income_program_year.households IS 'Participating households.';
COMMENT ON COLUMN income_program_year.net_income_fen IS 'Their program sales income plus their wages of the year.';

CREATE TABLE income_program_channel_year (
    ledger_id            text    NOT NULL,
    org_id               text    NOT NULL CHECK (org_id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    year                 integer NOT NULL CHECK (year BETWEEN 0 AND 9999),
    channel              text    NOT NULL CHECK (channel IN ('platform', 'livestream', 'social_group', 'offline')),
    households_reached   bigint  NOT NULL CHECK (households_reached >= 0),
    household_income_fen bigint  NOT NULL,
    PRIMARY KEY (ledger_id, org_id, year, channel)
);
COMMENT ON TABLE income_program_channel_year IS
    'Per program, year and channel: households reached (a sale line in the channel) and the sales '
    'income of the channel''s household lines. Maintained incrementally by the projector.';
COMMENT ON COLUMN income_program_channel_year.ledger_id IS 'Ledger.';
COMMENT ON COLUMN income_program_channel_year.org_id IS 'Program: the organization that registered its products.';
COMMENT ON COLUMN income_program_channel_year.year IS 'Year (China Standard Time).';
COMMENT ON COLUMN income_program_channel_year.channel IS 'Sales channel.';
COMMENT ON COLUMN income_program_channel_year.households_reached IS 'Households with a sale line of the program in the channel that year.';
COMMENT ON COLUMN income_program_channel_year.household_income_fen IS 'Sum of the sale and refund lines of the program in the channel that year.';
