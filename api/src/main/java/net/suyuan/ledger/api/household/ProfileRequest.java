package net.suyuan.ledger.api.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/households/{householdId}/profile}. {@code cooperativeOrgId} may be
 * omitted by a cooperative (it then owns the profile) and is required from a social_org.
 */
public record ProfileRequest(
    @Size(max = 64) String cooperativeOrgId,
    @NotBlank @Size(max = 100) String displayName,
    @Size(max = 32) String phone,
    @Size(max = 32) String idNumber,
    @Size(max = 100) String village) {}
