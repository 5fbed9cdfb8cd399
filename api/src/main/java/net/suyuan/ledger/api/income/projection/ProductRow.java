package net.suyuan.ledger.api.income.projection;

/**
 * A registered product as programs see it (table income_product): the organization that registered
 * it owns the program the product belongs to. {@code referenceFen}/{@code referencePer} are both
 * null when no reference price was registered.
 */
public record ProductRow(
    String gtin, String orgId, String baseUnit, Long referenceFen, Long referencePer, long seq) {}
