-- V6.3: refunds may state the fees returned with them (issue 11, sale.refunded "feesReturned").
-- The validator checks that a sale's refunds return at most each fee charged, so the sale row keeps
-- the fees it was charged and the fees its refunds returned so far (NULL while no refund stated
-- them; docs/events.md). Existing rows take their fees from the sale's own entry body; a sale
-- entry without them can only be a tampered one (GET /api/v1/audit reports it), and gets 0, so no
-- stated fee return can be accepted against it.
ALTER TABLE sale
    ADD COLUMN platform_fen           bigint NULL,
    ADD COLUMN service_fen            bigint NULL,
    ADD COLUMN logistics_fen          bigint NULL,
    ADD COLUMN packaging_fen          bigint NULL,
    ADD COLUMN returned_platform_fen  bigint NULL,
    ADD COLUMN returned_service_fen   bigint NULL,
    ADD COLUMN returned_logistics_fen bigint NULL,
    ADD COLUMN returned_packaging_fen bigint NULL;

UPDATE sale s SET
    platform_fen  = coalesce((convert_from(e.canonical, 'UTF8')::jsonb #>> '{body,fees,platformFen}')::bigint, 0),
    service_fen   = coalesce((convert_from(e.canonical, 'UTF8')::jsonb #>> '{body,fees,serviceFen}')::bigint, 0),
    logistics_fen = coalesce((convert_from(e.canonical, 'UTF8')::jsonb #>> '{body,fees,logisticsFen}')::bigint, 0),
    packaging_fen = coalesce((convert_from(e.canonical, 'UTF8')::jsonb #>> '{body,fees,packagingFen}')::bigint, 0)
FROM entry e
WHERE e.ledger_id = s.ledger_id AND e.seq = s.seq;

ALTER TABLE sale
    ALTER COLUMN platform_fen SET NOT NULL,
    ALTER COLUMN service_fen SET NOT NULL,
    ALTER COLUMN logistics_fen SET NOT NULL,
    ALTER COLUMN packaging_fen SET NOT NULL,
    ADD CONSTRAINT sale_fees_check
        CHECK (platform_fen >= 0 AND service_fen >= 0 AND logistics_fen >= 0 AND packaging_fen >= 0),
    ADD CONSTRAINT sale_fees_returned_check
        CHECK ((returned_platform_fen IS NULL AND returned_service_fen IS NULL
                AND returned_logistics_fen IS NULL AND returned_packaging_fen IS NULL)
            OR (returned_platform_fen BETWEEN 0 AND platform_fen
                AND returned_service_fen BETWEEN 0 AND service_fen
                AND returned_logistics_fen BETWEEN 0 AND logistics_fen
                AND returned_packaging_fen BETWEEN 0 AND packaging_fen));

COMMENT ON COLUMN sale.platform_fen IS 'Platform commission the sale was charged, fen (fees.platformFen).';
COMMENT ON COLUMN sale.service_fen IS 'Service fee the sale was charged, fen (fees.serviceFen).';
COMMENT ON COLUMN sale.logistics_fen IS 'Logistics fee the sale was charged, fen (fees.logisticsFen).';
COMMENT ON COLUMN sale.packaging_fen IS 'Packaging fee the sale was charged, fen (fees.packagingFen).';
COMMENT ON COLUMN sale.returned_platform_fen IS 'Platform commission returned by the sale''s refunds (feesReturned), <= platform_fen; NULL while no refund stated feesReturned (all four NULL together).';
COMMENT ON COLUMN sale.returned_service_fen IS 'Service fee returned by the sale''s refunds, <= service_fen; NULL as returned_platform_fen.';
COMMENT ON COLUMN sale.returned_logistics_fen IS 'Logistics fee returned by the sale''s refunds, <= logistics_fen; NULL as returned_platform_fen.';
COMMENT ON COLUMN sale.returned_packaging_fen IS 'Packaging fee returned by the sale''s refunds, <= packaging_fen; NULL as returned_platform_fen.';
