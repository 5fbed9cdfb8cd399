package net.suyuan.ledger.core.id;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.Optional;

/**
 * A GS1 Digital Link identifier for a lot or a serialized unit of a lot: the path {@code
 * /01/{gtin14}/10/{lot}} or {@code /01/{gtin14}/10/{lot}/21/{serial}} (GS1 Digital Link URI Syntax
 * 1.2, section 4), under any base URL. The one place the product builds and parses these URIs.
 *
 * <p>Building writes the GTIN as 14 digits and percent-encodes every lot or serial character that
 * is not URI-unreserved ({@code A-Z a-z 0-9 - . _}); the GS1 character set 82 has no {@code ~}.
 * Parsing accepts GTIN-8/12/13/14 (padded to 14), percent-encoding in either hex case, and the
 * characters a URI path segment may hold unencoded ({@code ! & ' ( ) * + , ; = :}); everything else
 * fails with a {@link DigitalLinkException} naming the part that is wrong.
 */
public record DigitalLink(Gtin gtin, LotId lot, SerialId serial) {
  public DigitalLink {
    Objects.requireNonNull(gtin, "gtin");
    Objects.requireNonNull(lot, "lot");
  }

  public static DigitalLink of(Gtin gtin, LotId lot) {
    return new DigitalLink(gtin, lot, null);
  }

  public Optional<SerialId> serialId() {
    return Optional.ofNullable(serial);
  }

  /** The path, starting with {@code /01/}. */
  public String path() {
    StringBuilder b = new StringBuilder(64).append("/01/").append(gtin.value()).append("/10/");
    encode(lot.value(), b);
    if (serial != null) {
      encode(serial.value(), b.append("/21/"));
    }
    return b.toString();
  }

  /**
   * The full URI under {@code base} (scheme, host and optional path prefix; a trailing slash is
   * ignored), e.g. {@code https://id.example.cn/01/06901234500004/10/G2022-001A}.
   */
  public String uri(String base) {
    String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return b + path();
  }

  /**
   * Parses a Digital Link URI (or just its path). The identifier is the last {@code /01/...} part
   * of the path; the scheme, host, any path prefix, the query and the fragment are ignored.
   */
  public static DigitalLink parse(String uri) {
    if (uri == null || uri.isEmpty()) {
      throw new DigitalLinkException("uri", "empty URI");
    }
    String path = uri;
    int cut = indexOfAny(path, "?#");
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    // The identifier starts at the last segment "01" followed two segments later by "10" (so a
    // prefix may contain "01", and so may a lot: /01/{gtin}/10/01/21/S1).
    String[] segments = path.split("/", -1);
    for (int i = segments.length - 1; i >= 0; i--) {
      if (segments[i].equals("01") && i + 2 < segments.length && segments[i + 2].equals("10")) {
        return fromSegments(java.util.Arrays.copyOfRange(segments, i, segments.length));
      }
    }
    for (int i = 0; i < segments.length; i++) { // no lot: name what is wrong
      if (segments[i].equals("01")) {
        return fromSegments(java.util.Arrays.copyOfRange(segments, i, segments.length));
      }
    }
    throw new DigitalLinkException(
        "uri", "no /01/{gtin} in the path; expected /01/{gtin}/10/{lot}[/21/{serial}]");
  }

  /**
   * Builds from already separated, still percent-encoded path segments (as a web framework's path
   * variables deliver them when it does not decode).
   */
  public static DigitalLink fromPath(String gtin, String lot, String serial) {
    return serial == null
        ? fromSegments(new String[] {"01", gtin, "10", lot})
        : fromSegments(new String[] {"01", gtin, "10", lot, "21", serial});
  }

  private static DigitalLink fromSegments(String[] parts) {
    if (parts.length < 4 || !"10".equals(parts[2])) {
      throw new DigitalLinkException(
          "lot", "a lot is required: expected /01/{gtin}/10/{lot}[/21/{serial}]");
    }
    if (parts.length != 4 && (parts.length != 6 || !"21".equals(parts[4]))) {
      throw new DigitalLinkException(
          "uri", "unexpected path after the lot; only /21/{serial} may follow /10/{lot}");
    }
    Gtin gtin;
    try {
      gtin = Gtin.of(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new DigitalLinkException("gtin", e.getMessage());
    }
    LotId lot;
    try {
      lot = LotId.of(decode("lot", parts[3]));
    } catch (DigitalLinkException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new DigitalLinkException("lot", e.getMessage());
    }
    SerialId serial = null;
    if (parts.length == 6) {
      try {
        serial = SerialId.of(decode("serial", parts[5]));
      } catch (DigitalLinkException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new DigitalLinkException("serial", e.getMessage());
      }
    }
    return new DigitalLink(gtin, lot, serial);
  }

  private static final String HEX = "0123456789ABCDEF";

  private static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
  }

  /** Percent-decodes one segment; raw characters must be legal in a URI path segment. */
  private static String decode(String field, String segment) {
    if (segment.isEmpty()) {
      throw new DigitalLinkException(field, field + " is empty");
    }
    byte[] out = new byte[segment.length()];
    int n = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        int hi = i + 2 < segment.length() ? hex(segment.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hex(segment.charAt(i + 2)) : -1;
        if (lo < 0) {
          throw new DigitalLinkException(
              field, "broken percent-encoding at index " + i + " of the " + field);
        }
        out[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (RAW_IN_SEGMENT.indexOf(c) >= 0) {
        out[n++] = (byte) c;
      } else if (c < 0x80 && Gs1AiValue.inCharacterSet82(c)) {
        throw new DigitalLinkException(
            field, "'" + c + "' must be percent-encoded in a Digital Link URI (" + field + ")");
      } else {
        throw new DigitalLinkException(
            field,
            field + " contains '" + c + "', outside the GS1 character set 82 of AI (10) and (21)");
      }
    }
    return new String(out, 0, n, UTF_8);
  }

  /**
   * The value of an ASCII hex digit, or -1 (Character.digit would accept other scripts' digits).
   */
  private static int hex(char c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** Characters of set 82 a path segment may carry unencoded (RFC 3986 pchar). */
  private static final String RAW_IN_SEGMENT =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._!&'()*+,;=:";

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return path();
  }
}
