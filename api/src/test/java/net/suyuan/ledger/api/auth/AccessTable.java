package net.suyuan.ledger.api.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access table of docs/api.md (section "Who may call what"), read as the test's expectation so
 * the documentation and the server cannot drift apart.
 */
record AccessTable(List<Row> rows) {

  static final Path FILE = Path.of("").toAbsolutePath().getParent().resolve("docs/api.md");
  private static final String SECTION = "## Who may call what";
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /**
   * One row: who may call {@code method path}.
   *
   * @param line 1-based line in docs/api.md
   * @param everyone public: no key needed
   * @param anyKey every valid key
   * @param admin the admin key
   * @param roles keys of these roles
   */
  record Row(
      int line,
      String method,
      String path,
      boolean everyone,
      boolean anyKey,
      boolean admin,
      Set<Role> roles) {

    /** Whether a caller (null: no key) may call this route. */
    boolean allows(Caller caller) {
      if (everyone) {
        return true;
      }
      if (caller == null) {
        return false;
      }
      return anyKey || admin && caller.admin() || roles.contains(caller.role());
    }

    /** Whether a concrete path is this row's: each {@code {name}} one segment, {@code **} any. */
    boolean matches(String method, String concretePath) {
      return this.method.equals(method) && regex(path).matcher(concretePath).matches();
    }

    /** More specific rows (fewer variables) win over templates that also match. */
    int variables() {
      return path.split("\\{", -1).length - 1 + (path.contains("**") ? 10 : 0);
    }

    String where() {
      return "docs/api.md:" + line + " " + method + " " + path;
    }
  }

  static AccessTable read() throws IOException {
    List<String> lines = Files.readAllLines(FILE);
    int start = lines.indexOf(SECTION);
    if (start < 0) {
      throw new IllegalStateException(FILE + " has no section '" + SECTION + "'");
    }
    List<Row> rows = new ArrayList<>();
    boolean inTable = false;
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      if (!line.startsWith("|")) {
        if (inTable) {
          break; // the first table of the section only
        }
        continue;
      }
      inTable = true;
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      if (cells.length != 3) {
        throw new IllegalStateException("docs/api.md:" + (i + 1) + ": 3 cells expected: " + line);
      }
      String method = unquote(cells[0]);
      if (method.equals("method") || method.startsWith("---")) {
        continue;
      }
      rows.add(row(i + 1, method, unquote(cells[1]), cells[2].trim()));
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException(FILE + ": no access table under '" + SECTION + "'");
    }
    return new AccessTable(List.copyOf(rows));
  }

  private static Row row(int line, String method, String path, String access) {
    boolean everyone = access.equals("public");
    boolean anyKey = access.startsWith("any key");
    boolean admin = access.startsWith("admin key");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Matcher code = CODE.matcher(access.replaceAll("\\(.*?\\)", ""));
    while (code.find()) {
      roles.add(Role.of(code.group(1)));
    }
    if (!everyone && !anyKey && !admin && roles.isEmpty()) {
      throw new IllegalStateException(
          "docs/api.md:"
              + line
              + ": access must be public, any key, admin key or roles: "
              + access);
    }
    return new Row(line, method, path, everyone, anyKey, admin, Set.copyOf(roles));
  }

  private static String unquote(String cell) {
    String c = cell.trim();
    return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
  }

  private static Pattern regex(String template) {
    StringBuilder re = new StringBuilder();
    Matcher m = Pattern.compile("\\{[^}]+}|\\*\\*").matcher(template);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start())));
      re.append(m.group().equals("**") ? ".*" : "[^/]+");
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(re.toString());
  }

  /** The row for a concrete route, the most specific when several match; null if none. */
  Row find(String method, String concretePath) {
    Row best = null;
    for (Row r : rows) {
      if (r.matches(method, concretePath) && (best == null || r.variables() < best.variables())) {
        best = r;
      }
    }
    return best;
  }
}
