package net.suyuan.ledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every read endpoint is public (no key, or a bad key, is fine) and serves ledger entries only:
 * household personal data stored beside the ledger never appears in a read response.
 */
@LedgerApiTest
@OwnDatabase
class ReadAccessTest {

  static final String NAME = "王芳 Wang Fang";
  static final String PHONE = "13800138000";
  static final String ID_NUMBER = "110101199003070000";
  static final String VILLAGE = "小河村 Xiaohe";

  static final Set<String> ENTRY_MEMBERS =
      Set.of("v", "seq", "ts", "actor", "type", "body", "prev", "hash", "canonical");

  @Autowired WebTestClient http;
  @Autowired Environment env;

  @BeforeEach
  void ledgerAndAHouseholdProfile() throws Exception {
    String coop = AdminClient.uniqueOrgId("coop");
    new AdminClient(http).createOrg(coop, "cooperative");
    // Written beside the fixture chain directly: through the API a profile needs the household
    // enrolled in the ledger (household.enrolled), which the fixture chain does not hold.
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO household_profile (household_id, cooperative_org_id, display_name,"
                    + " phone, id_number, village) VALUES (?, ?, ?, ?, ?, ?)")) {
      LedgerFixture.write(c, "main", HashAlg.SHA_256, 40);
      ps.setString(1, "hh-" + coop.substring(coop.length() - 8));
      ps.setString(2, coop);
      ps.setString(3, NAME);
      ps.setString(4, PHONE);
      ps.setString(5, ID_NUMBER);
      ps.setString(6, VILLAGE);
      ps.executeUpdate();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/events",
        "/api/v1/events?after=3&limit=1000",
        "/api/v1/events/0",
        "/api/v1/events/5",
        "/api/v1/lots/LOT-1/events",
        "/api/v1/export",
        "/api/v1/audit"
      })
  void reads_arePublic_andNeverCarryHouseholdPersonalData(String uri) {
    byte[] anonymous = read(uri, null);
    byte[] badKey = read(uri, "not-a-valid-key");
    assertThat(badKey).isEqualTo(anonymous);
    String body = new String(anonymous, StandardCharsets.UTF_8);
    assertThat(body).isNotEmpty().doesNotContain(NAME, PHONE, ID_NUMBER, VILLAGE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/events/0", "/api/v1/events/9", "/api/v1/events/10"})
  void entries_haveOnlyEntryMembers(String uri) {
    JsonObject entry = ReadFixtures.object(read(uri, null));
    assertThat(entry.members().keySet()).isEqualTo(ENTRY_MEMBERS);
  }

  private byte[] read(String uri, String key) {
    WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
    if (key != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return spec.exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult()
        .getResponseBodyContent();
  }
}
