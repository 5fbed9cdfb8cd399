package net.suyuan.ledger.api.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/orgs}. */
public record OrgRequest(
    @NotNull
        @Pattern(
            regexp = "^[a-z0-9][a-z0-9._-]{0,63}$",
            message = "must match ^[a-z0-9][a-z0-9._-]{0,63}$")
        String orgId,
    @NotBlank @Size(max = 200) String name,
    @NotNull Role role) {}
