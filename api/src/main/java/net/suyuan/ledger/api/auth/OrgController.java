package net.suyuan.ledger.api.auth;

import jakarta.validation.Valid;
import java.net.URI;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Management of organizations and their API keys: admin key only ({@link AccessRules}). */
@RestController
@RequestMapping("/api/v1")
public class OrgController {

  private final OrganizationStore orgs;
  private final ApiKeyStore keys;

  public OrgController(OrganizationStore orgs, ApiKeyStore keys) {
    this.orgs = orgs;
    this.keys = keys;
  }

  @PostMapping("/orgs")
  public Mono<ResponseEntity<Organization>> create(@Valid @RequestBody OrgRequest request) {
    return orgs.insertIfAbsent(request.orgId(), request.name(), request.role())
        .flatMap(
            created ->
                created
                    ? orgs.find(request.orgId())
                    : Mono.error(
                        Problems.conflict("organization " + request.orgId() + " already exists")))
        .map(org -> ResponseEntity.created(URI.create("/api/v1/orgs/" + org.orgId())).body(org));
  }

  /** One page in orgId order (docs/api.md): every read is bounded (issue 11 defect 1). */
  @GetMapping("/orgs")
  public Mono<OrgPage> list(
      @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
    return Mono.defer(
        () -> {
          String from = OrgParams.orgId("after", after);
          int n = OrgParams.limit(limit);
          return orgs.page(from, n + 1).map(rows -> OrgPage.of(rows, n));
        });
  }

  /** The {@code Location} of {@link #create}. */
  @GetMapping("/orgs/{orgId}")
  public Mono<Organization> one(@PathVariable String orgId) {
    return Mono.defer(() -> orgs.find(OrgParams.orgId("orgId", orgId)))
        .switchIfEmpty(Mono.error(() -> Problems.notFound("no organization " + orgId)));
  }

  @PostMapping("/orgs/{orgId}/keys")
  @ResponseStatus(HttpStatus.CREATED)
  public Mono<IssuedKey> issueKey(@PathVariable String orgId) {
    return orgs.find(orgId)
        .switchIfEmpty(Mono.error(Problems.notFound("no organization " + orgId)))
        .flatMap(org -> keys.issue(org.orgId(), false));
  }

  @DeleteMapping("/keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public Mono<Void> revoke(@PathVariable String keyId) {
    return keys.revoke(keyId)
        .flatMap(
            revoked ->
                revoked
                    ? Mono.<Void>empty()
                    : Mono.error(Problems.notFound("no active key " + keyId)));
  }
}
