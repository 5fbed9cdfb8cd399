package net.suyuan.ledger.core.event;

import java.time.Instant;

/** An event that happened at a time in the world, carried in the body as {@code occurredAt}. */
public sealed interface TimedEvent extends LedgerEvent
    permits ProductionRecorded,
        HarvestDelivered,
        LotTransformed,
        InspectionRecorded,
        SaleRecorded,
        SaleRefunded,
        WageRecorded,
        PayoutMade {

  /** When it happened (RFC 3339 UTC, millisecond precision); not when it was recorded. */
  Instant occurredAt();
}
