package net.suyuan.ledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule behind "its own households only" (docs/api.md, "Who may call what"). */
class CallerTest {

  private static Caller caller(String orgId, Role role) {
    return new Caller(orgId, role, false, "key");
  }

  @Test
  void cooperative_seesOnlyHouseholdsEnrolledWithIt() {
    Caller coop = caller("coop-a", Role.COOPERATIVE);
    assertThat(coop.householdsOf()).isEqualTo("coop-a");
    assertThat(coop.seesHouseholdOf("coop-a")).isTrue();
    assertThat(coop.seesHouseholdOf("coop-b")).isFalse();
  }

  @Test
  void socialOrgAuditorAndAdmin_seeEveryHousehold() {
    for (Caller c :
        new Caller[] {
          caller("ngo", Role.SOCIAL_ORG),
          caller("aud", Role.AUDITOR),
          new Caller("admin", Role.SOCIAL_ORG, true, "bootstrap")
        }) {
      assertThat(c.householdsOf()).as(c.toString()).isNull();
      assertThat(c.seesHouseholdOf("coop-a")).as(c.toString()).isTrue();
    }
  }

  @Test
  void otherRoles_seeNoCooperativesHouseholds() {
    for (Role role : new Role[] {Role.PROCESSOR, Role.INSPECTOR, Role.SELLER}) {
      Caller c = caller("org-x", role);
      assertThat(c.seesHouseholdOf("coop-a")).as(role.value()).isFalse();
      assertThat(c.householdsOf()).as(role.value()).isEqualTo("org-x");
    }
  }
}
