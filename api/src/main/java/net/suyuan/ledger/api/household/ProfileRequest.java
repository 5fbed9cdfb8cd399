package net.suyuan.ledger.api.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/households/{householdId}/profile}. {@code cooperativeOrgId} may be
 * omitted: the owner is always the cooperative the ledger enrolled the household with, and when
 * given it must name that cooperative. Every text member is {@link VisibleText}.
 */
public record ProfileRequest(
    @Size(max = 64) @VisibleText String cooperativeOrgId,
    @NotBlank @Size(max = 100) @VisibleText String displayName,
    @Size(max = 32) @VisibleText String phone,
    @Size(max = 32) @VisibleText String idNumber,
    @Size(max = 100) @VisibleText String village) {}
