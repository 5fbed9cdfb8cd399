package net.suyuan.ledger.qr;

import java.util.Random;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SerialId;

/** Random but valid Digital Links, from a seed the tests print when they fail. */
final class SampleLinks {
  static final String TYPICAL = "https://id.example.cn/01/06901234500004/10/G2022-001A/21/000123";

  /** GS1 character set 82 without the characters a URI percent-encodes least often. */
  private static final String LOT_CHARS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-._!%&()*+,/:;=?'";

  private static final String[] BASES = {
    "https://id.example.cn", "https://trace.hezuoshe.example.cn/dl", "http://q.example.cn/"
  };

  private SampleLinks() {}

  static String uri(Random rnd) {
    return link(rnd).uri(BASES[rnd.nextInt(BASES.length)]);
  }

  static DigitalLink link(Random rnd) {
    StringBuilder g = new StringBuilder();
    for (int i = 0; i < 13; i++) {
      g.append(rnd.nextInt(10));
    }
    SerialId serial = rnd.nextBoolean() ? SerialId.of(text(rnd, 1 + rnd.nextInt(12))) : null;
    return new DigitalLink(
        Gtin.completing(g.toString()), LotId.of(text(rnd, 1 + rnd.nextInt(20))), serial);
  }

  private static String text(Random rnd, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(LOT_CHARS.charAt(rnd.nextInt(LOT_CHARS.length())));
    }
    return b.toString();
  }
}
