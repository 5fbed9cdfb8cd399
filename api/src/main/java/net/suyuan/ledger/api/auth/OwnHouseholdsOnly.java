package net.suyuan.ledger.api.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * "Its own households only" (docs/api.md, "Who may call what"), declared on a handler of a path
 * with {@code {householdId}}: before the handler runs, reactive method security ({@link
 * AccessRules} enables it) asks {@link HouseholdAccess#check} about the handler's {@code
 * householdId} parameter and the caller. A household the ledger has not enrolled is 404 for
 * everyone, another cooperative's household 403; the handler runs only for a caller that may see
 * the household, or for a path value that is no household id at all, which the handler must refuse
 * with its 400 naming {@code householdId}.
 *
 * <p>The route rule has let the caller in by then (401/403 by role); the request body, if any, has
 * been read and checked too (a 400 for an invalid body comes first), its other parameters not yet.
 * {@code ArchitectureTest} fails on a handler of a {@code {householdId}} path without this
 * annotation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@householdAccess.check(#householdId, principal)")
public @interface OwnHouseholdsOnly {}
