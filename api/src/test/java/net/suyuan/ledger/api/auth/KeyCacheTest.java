package net.suyuan.ledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final KeyCache cache = new KeyCache(Duration.ofSeconds(10), now::get);
  private final Caller caller = new Caller("coop-a", Role.of("cooperative"), false, "key-1");

  @Test
  void cachedKey_isServedUntilItsTimeToLiveRunsOut() {
    cache.put("h", caller);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(cache.get("h")).isEqualTo(caller);
    now.addAndGet(1);
    assertThat(cache.get("h")).isNull();
  }

  @Test
  void revokedKey_isDroppedAtOnce() {
    cache.put("h", caller);
    cache.revoked("key-1");
    assertThat(cache.get("h")).isNull();
  }

  @Test
  void zeroTimeToLive_cachesNothing() {
    KeyCache off = new KeyCache(Duration.ZERO, now::get);
    off.put("h", caller);
    assertThat(off.get("h")).isNull();
  }
}
