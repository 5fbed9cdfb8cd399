-- V6.2: household shares are exact rationals (issue 11, "Income an outside auditor can reproduce").
-- Lines projected before this version split sales by 2^40 fixed-point shares, which can break a
-- tie of exact shares the other way (one fen); a replay with the exact shares would no longer
-- match them. The income tables are derived data (V4), so they are emptied and the projector
-- rebuilds them from seq 0 at its next start (docs/income.md, "Projection"). The ledger itself is
-- untouched. Numbered 6.2 so it orders after V6.1 (another branch) and before later migrations.
DELETE FROM income_line;
DELETE FROM revenue_line;
DELETE FROM income_revenue_month;
DELETE FROM income_household_gtin_year;
DELETE FROM income_household_year;
DELETE FROM income_program_year;
DELETE FROM income_program_channel_year;
DELETE FROM income_product;
DELETE FROM income_watermark;
