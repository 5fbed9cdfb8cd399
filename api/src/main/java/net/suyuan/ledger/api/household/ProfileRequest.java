package net.suyuan.ledger.api.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/households/{householdId}/profile}. {@code cooperativeOrgId} may be
 * omitted: the owner is always the cooperative the ledger enrolled the household with, and when
 * given it must name that cooperative.
 */
public record ProfileRequest(
    @Size(max = 64) String cooperativeOrgId,
    @NotBlank @Size(max = 100) String displayName,
    @Size(max = 32) String phone,
    @Size(max = 32) String idNumber,
    @Size(max = 100) String village) {}
