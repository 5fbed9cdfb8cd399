package net.suyuan.ledger.api.provenance;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.suyuan.ledger.api.provenance.Provenance.Base;
import net.suyuan.ledger.api.provenance.Provenance.Inspection;
import net.suyuan.ledger.api.provenance.Provenance.LotLink;
import net.suyuan.ledger.api.provenance.Provenance.Result;
import net.suyuan.ledger.api.provenance.Provenance.Step;
import org.springframework.web.util.HtmlUtils;

/**
 * The consumer page: server-rendered HTML, no JavaScript, one narrow column that fits a phone.
 * Chinese by default, English when the browser prefers it. Households appear only by pseudonym;
 * every entry's verdict and hash is on the page, and a failed check is the first thing it says.
 */
final class ConsumerPage {
  private ConsumerPage() {}

  /** Page language: English only when the client prefers it to Chinese. */
  enum Lang {
    ZH,
    EN;

    static Lang of(List<Locale> preferred) {
      for (Locale l : preferred) {
        if ("zh".equals(l.getLanguage())) {
          return ZH;
        }
        if ("en".equals(l.getLanguage())) {
          return EN;
        }
      }
      return ZH;
    }

    String t(String zh, String en) {
      return this == ZH ? zh : en;
    }

    String tag() {
      return this == ZH ? "zh-CN" : "en";
    }
  }

  static final String STYLE =
      "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'PingFang SC',"
          + "'Noto Sans CJK SC','Microsoft YaHei',sans-serif;color:#1d2a1f;background:#f6f7f2}"
          + "main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.2rem 0}"
          + "h2{font-size:1.15rem;margin:1.4rem 0 .5rem;border-bottom:2px solid #cfd8c3}"
          + "section,.card{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:.6rem 0}"
          + ".ok{background:#e3f4e1;border:2px solid #3c8a3a}.bad{background:#fde5e1;"
          + "border:3px solid #c0392b;color:#7b1d12;font-weight:600}"
          + "table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.3rem .2rem;"
          + "border-bottom:1px solid #e4e8dc;vertical-align:top}ol{padding-left:1.2rem}"
          + "li{margin:.5rem 0}.muted{color:#5b6b5d;font-size:.875rem}"
          + "code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;"
          + "overflow-wrap:anywhere;word-break:break-all}.fail{color:#b02a1a;font-weight:700}"
          + ".pass{color:#2f7d32;font-weight:700}details summary{cursor:pointer}"
          + "*{overflow-wrap:anywhere}";

  static String render(Provenance p, Lang lang) {
    StringBuilder h = new StringBuilder(16_384);
    String productName = p.product().name() != null ? p.product().name() : p.product().gtin();
    h.append("<!doctype html><html lang=\"")
        .append(lang.tag())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>")
        .append(esc(productName))
        .append(" · ")
        .append(lang.t("产品溯源", "Provenance"))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><main>");

    // What it is.
    h.append("<p class=\"muted\">").append(lang.t("产品溯源", "Product provenance")).append("</p>");
    h.append("<h1>").append(esc(productName));
    if (p.lot().grade() != null) {
      h.append(" · ").append(lang.t("等级 ", "grade ")).append(esc(p.lot().grade()));
    }
    h.append("</h1><p class=\"muted\">GTIN ")
        .append(esc(p.id().gtin()))
        .append(" · ")
        .append(lang.t("批次 ", "lot "))
        .append(esc(p.id().lot()));
    if (p.id().serial() != null) {
      h.append(" · ").append(lang.t("序列号 ", "serial ")).append(esc(p.id().serial()));
    }
    h.append("</p>");

    verification(h, p, lang);
    inspections(h, p, lang);
    origin(h, p, lang);
    lineage(h, p, lang);
    timeline(h, p, lang);

    h.append("<p class=\"muted\">")
        .append(
            lang.t(
                "每条记录都在一条哈希链上：它的哈希由存储的原始字节重新计算，并与前后记录的链接核对。" + "任何人都可以通过 /api/v1/audit 核查整条链。",
                "Every record sits on a hash chain: its hash is recomputed from the stored bytes and"
                    + " checked against the records before and after it. Anyone can audit the"
                    + " whole chain at /api/v1/audit."))
        .append("</p></main></body></html>");
    return h.toString();
  }

  private static void verification(StringBuilder h, Provenance p, Lang lang) {
    Provenance.Verification v = p.verification();
    if (v.ok()) {
      h.append("<section class=\"ok\" id=\"verification\"><strong>✓ ")
          .append(lang.t("记录已验证", "Records verified"))
          .append("</strong><br>")
          .append(
              lang.t(
                  "本页 " + v.checked() + " 条账本记录均未被篡改：哈希和链接都已重新核对。",
                  "All "
                      + v.checked()
                      + " ledger records on this page are intact: hashes and links re-checked."))
          .append("</section>");
    } else {
      h.append("<section class=\"bad\" id=\"verification\" role=\"alert\">⚠ ")
          .append(lang.t("验证失败！", "VERIFICATION FAILED!"))
          .append("<br>")
          .append(
              lang.t(
                  "以下记录与账本不符，可能已被篡改，请勿信任本页信息：",
                  "These records do not match the ledger and may have been altered; do not trust"
                      + " this page: "))
          .append(v.failed().stream().map(s -> "#" + s).collect(Collectors.joining(", ")))
          .append("</section>");
    }
    if (v.omitted()
        > 0) { // a busy lot: the page shows a bounded part (ledger.provenance.max-entries)
      h.append("<p class=\"muted\" id=\"omitted\">")
          .append(
              lang.t(
                  "另有 " + v.omitted() + " 条记录（多为销售）未在本页显示，也未在本页核对。",
                  v.omitted()
                      + " more records (mostly sales) are neither shown nor checked on this page."))
          .append("</p>");
    }
  }

  private static void inspections(StringBuilder h, Provenance p, Lang lang) {
    if (p.inspections().isEmpty()) {
      return;
    }
    h.append("<h2>").append(lang.t("质量检验", "Quality inspection")).append("</h2>");
    for (Inspection i : p.inspections()) {
      h.append("<section><strong>")
          .append(esc(i.standardTitle() != null ? i.standardTitle() : i.standardId()))
          .append("</strong> <span class=\"muted\">")
          .append(esc(i.standardId()))
          .append(" v")
          .append(i.standardVersion())
          .append("</span><br>")
          .append(lang.t("批次 ", "Lot "))
          .append(esc(i.lotId()))
          .append(" · ")
          .append(lang.t("等级 ", "grade "))
          .append(esc(i.grade()))
          .append(" · ")
          .append(
              i.passed()
                  ? "<span class=\"pass\">" + lang.t("合格", "passed") + "</span>"
                  : "<span class=\"fail\">" + lang.t("不合格", "failed") + "</span>")
          .append(" · ")
          .append(date(i.occurredAt()))
          .append("<table><tr><th>")
          .append(lang.t("指标", "Metric"))
          .append("</th><th>")
          .append(lang.t("实测", "Measured"))
          .append("</th><th>")
          .append(lang.t("标准限值", "Limit"))
          .append("</th></tr>");
      for (Result r : i.results()) {
        h.append("<tr><td>")
            .append(esc(r.metric()))
            .append("</td><td>")
            .append(number(r.value(), lang));
        if (r.within() != null) {
          h.append(
              r.within() ? " <span class=\"pass\">✓</span>" : " <span class=\"fail\">✗</span>");
        }
        h.append("</td><td>").append(limit(r, lang)).append("</td></tr>");
      }
      h.append("</table></section>");
    }
  }

  private static String limit(Result r, Lang lang) {
    if (r.min() == null && r.max() == null) {
      return lang.t("不限", "none");
    }
    if (r.min() != null && r.max() != null) {
      return number(r.min(), lang) + " – " + number(r.max(), lang);
    }
    return r.min() != null ? "≥ " + number(r.min(), lang) : "≤ " + number(r.max(), lang);
  }

  private static void origin(StringBuilder h, Provenance p, Lang lang) {
    h.append("<h2>").append(lang.t("产地", "Origin")).append("</h2><section>");
    if (p.origin().bases().isEmpty()) {
      h.append(lang.t("没有收获交售记录。", "No harvest deliveries recorded."));
    }
    String unit = unit(p.product().baseUnit(), lang);
    for (Base b : p.origin().bases()) {
      h.append("<p><strong>")
          .append(esc(b.name() != null ? b.name() : b.baseId()))
          .append("</strong>");
      if (b.village() != null) {
        h.append(" · ").append(esc(b.county())).append(" ").append(esc(b.village()));
      }
      h.append("<br><span class=\"muted\">")
          .append(lang.t("交售 ", "delivered "))
          .append(number(b.delivered(), lang))
          .append(" ")
          .append(unit)
          .append("</span></p>");
    }
    if (!p.origin().deliveries().isEmpty()) {
      long households =
          p.origin().deliveries().stream().map(Provenance.Delivery::householdId).distinct().count();
      h.append("<details><summary>")
          .append(
              lang.t(
                  households + " 户农户交售（以化名显示）",
                  households + " households delivered (shown by pseudonym)"))
          .append("</summary><table>");
      for (Provenance.Delivery d : p.origin().deliveries()) {
        h.append("<tr><td>")
            .append(date(d.occurredAt()))
            .append("</td><td>")
            .append(esc(d.householdId()))
            .append("</td><td>")
            .append(number(d.quantity(), lang))
            .append(" ")
            .append(unit)
            .append("</td></tr>");
      }
      h.append("</table></details>");
    }
    h.append("</section>");
  }

  private static void lineage(StringBuilder h, Provenance p, Lang lang) {
    h.append("<h2>").append(lang.t("来龙去脉", "Lineage")).append("</h2><section>");
    h.append("<p>")
        .append(lang.t("本批次 ", "This lot "))
        .append(esc(p.lot().lotId()))
        .append(": ")
        .append(process(p.lot().madeBy(), lang))
        .append(", ")
        .append(number(p.lot().quantity(), lang))
        .append(" ")
        .append(unit(p.product().baseUnit(), lang))
        .append("</p>");
    if (!p.lineage().upstream().isEmpty()) {
      h.append("<p><strong>").append(lang.t("来自", "Made from")).append("</strong></p><ul>");
      for (LotLink l : p.lineage().upstream()) {
        h.append("<li>")
            .append("↑".repeat(Math.min(l.depth(), 8)))
            .append(" ")
            .append(esc(l.lotId()))
            .append(" · ")
            .append(process(l.madeBy(), lang));
        if (l.grade() != null) {
          h.append(" · ").append(lang.t("等级 ", "grade ")).append(esc(l.grade()));
        }
        if (!l.inputs().isEmpty()) {
          h.append(" ← ")
              .append(
                  l.inputs().stream()
                      .map(i -> esc(i.lotId()) + " (" + number(i.quantity(), lang) + ")")
                      .collect(Collectors.joining(", ")));
        }
        h.append("</li>");
      }
      h.append("</ul>");
    }
    if (!p.lineage().downstream().isEmpty() || !p.lineage().sales().isEmpty()) {
      h.append("<p><strong>").append(lang.t("去向", "Went into")).append("</strong></p><ul>");
      for (LotLink l : p.lineage().downstream()) {
        h.append("<li>↓ ")
            .append(esc(l.lotId()))
            .append(" · ")
            .append(process(l.madeBy(), lang))
            .append("</li>");
      }
      for (Provenance.Sale s : p.lineage().sales()) {
        h.append("<li>")
            .append(channel(s.channel(), lang))
            .append(" · ")
            .append(number(s.quantity(), lang))
            .append(" ")
            .append(unit(p.product().baseUnit(), lang))
            .append("</li>");
      }
      h.append("</ul>");
    }
    h.append("</section>");
  }

  private static void timeline(StringBuilder h, Provenance p, Lang lang) {
    h.append("<h2>").append(lang.t("全部记录", "Every record")).append("</h2><ol>");
    List<Step> steps = p.timeline();
    for (int i = 0; i < steps.size(); ) {
      // Consecutive deliveries into one lot (hundreds, for a big cooperative) read as one step.
      int j = i;
      while (j < steps.size() && sameDeliveryRun(steps.get(i), steps.get(j))) {
        j++;
      }
      if (j - i > 3) {
        deliveryRun(h, steps.subList(i, j), p, lang);
        i = j;
      } else {
        step(h, steps.get(i), lang);
        i++;
      }
    }
    h.append("</ol>");
  }

  private static boolean sameDeliveryRun(Step first, Step s) {
    return "harvest.delivered".equals(s.type())
        && "harvest.delivered".equals(first.type())
        && first.body() != null
        && s.body() != null
        && String.valueOf(first.body().get("lotId")).equals(String.valueOf(s.body().get("lotId")));
  }

  private static void deliveryRun(StringBuilder h, List<Step> run, Provenance p, Lang lang) {
    long failed = run.stream().filter(s -> !s.verified()).count();
    long total = run.stream().mapToLong(s -> number(s.body().get("quantity"))).sum();
    Step first = run.get(0);
    Step last = run.get(run.size() - 1);
    h.append("<li class=\"card").append(failed == 0 ? "" : " bad").append("\">");
    h.append("<strong>")
        .append(date(first.occurredAt()))
        .append(
            first.occurredAt() != null && !date(first.occurredAt()).equals(date(last.occurredAt()))
                ? " – " + date(last.occurredAt())
                : "")
        .append(" · ")
        .append(esc(typeName(first.type(), lang)))
        .append("</strong><br>")
        .append(
            lang.t(
                run.size()
                    + " 次农户交售入批次 "
                    + esc(first.body().get("lotId"))
                    + "，共 "
                    + number(total, lang)
                    + " "
                    + unit(p.product().baseUnit(), lang),
                run.size()
                    + " household deliveries into lot "
                    + esc(first.body().get("lotId"))
                    + ", "
                    + number(total, lang)
                    + " "
                    + unit(p.product().baseUnit(), lang)
                    + " in all"))
        .append("<br><span class=\"muted\">#")
        .append(first.seq())
        .append(" – #")
        .append(last.seq())
        .append(" · ")
        .append(
            failed == 0
                ? "<span class=\"pass\">✓ " + lang.t("全部已验证", "all verified") + "</span>"
                : "<span class=\"fail\">⚠ " + failed + " " + lang.t("条验证失败", "FAILED") + "</span>")
        .append("</span><details><summary>")
        .append(lang.t("逐条查看", "Show each"))
        .append("</summary><ol>");
    for (Step s : run) {
      step(h, s, lang);
    }
    h.append("</ol></details></li>");
  }

  private static long number(Object o) {
    return o instanceof Number ? ((Number) o).longValue() : 0;
  }

  private static void step(StringBuilder h, Step s, Lang lang) {
    h.append("<li class=\"card")
        .append(s.verified() ? "" : " bad")
        .append("\" id=\"e")
        .append(s.seq())
        .append("\">");
    h.append("<strong>")
        .append(date(s.occurredAt() != null ? s.occurredAt() : s.ts()))
        .append(" · ")
        .append(esc(typeName(s.type(), lang)))
        .append("</strong><br>")
        .append(esc(summary(s, lang)))
        .append("<br><span class=\"muted\">#")
        .append(s.seq())
        .append(" · ")
        .append(esc(s.actor()))
        .append(" · ")
        .append(
            s.verified()
                ? "<span class=\"pass\">✓ " + lang.t("已验证", "verified") + "</span>"
                : "<span class=\"fail\">⚠ "
                    + lang.t("验证失败", "FAILED")
                    + ": "
                    + esc(s.failure().kind())
                    + "</span>")
        .append("</span><br><span class=\"hash\">")
        .append(esc(s.hash()))
        .append("</span>");
    if (!s.verified()) {
      h.append("<br><span class=\"fail\">").append(esc(s.failure().detail())).append("</span>");
    }
    h.append("</li>");
  }

  private static String summary(Step s, Lang lang) {
    Map<String, Object> b = s.body();
    if (b == null || s.type() == null) {
      return lang.t("（无法读取）", "(unreadable)");
    }
    switch (s.type()) {
      case "harvest.delivered":
        return lang.t(
            "农户 "
                + b.get("householdId")
                + " 从 "
                + b.get("baseId")
                + " 交售 "
                + b.get("quantity")
                + " 入批次 "
                + b.get("lotId"),
            "Household "
                + b.get("householdId")
                + " delivered "
                + b.get("quantity")
                + " from "
                + b.get("baseId")
                + " into lot "
                + b.get("lotId"));
      case "lot.transformed":
        return process(String.valueOf(b.get("process")), lang)
            + ": "
            + lots(b.get("inputs"))
            + " → "
            + lots(b.get("outputs"));
      case "inspection.recorded":
        return lang.t("检验批次 ", "Inspected lot ")
            + b.get("lotId")
            + " · "
            + b.get("standardId")
            + " v"
            + b.get("standardVersion")
            + " · "
            + b.get("grade")
            + " · "
            + (Boolean.TRUE.equals(b.get("passed"))
                ? lang.t("合格", "passed")
                : lang.t("不合格", "failed"));
      case "production.recorded":
        return b.get("activity")
            + " · "
            + b.get("baseId")
            + (b.get("detail") != null ? " · " + b.get("detail") : "");
      case "sale.recorded":
        return channel(String.valueOf(b.get("channel")), lang)
            + " · "
            + b.get("lotId")
            + " · "
            + b.get("quantity");
      case "product.registered":
        return b.get("name") + " · GTIN " + b.get("gtin");
      case "site.registered":
        return b.get("name") + " · " + b.get("county") + " " + b.get("village");
      case "standard.published":
        return b.get("title") + " · " + b.get("standardId") + " v" + b.get("version");
      default:
        return s.type();
    }
  }

  @SuppressWarnings("unchecked")
  private static String lots(Object list) {
    if (!(list instanceof List)) {
      return "?";
    }
    return ((List<Object>) list)
        .stream()
            .map(o -> o instanceof Map ? (Map<String, Object>) o : Map.<String, Object>of())
            .map(m -> m.get("lotId") + " (" + m.get("quantity") + ")")
            .collect(Collectors.joining(", "));
  }

  private static String typeName(String type, Lang lang) {
    if (type == null) {
      return "?";
    }
    switch (type) {
      case "harvest.delivered":
        return lang.t("收获交售", "Harvest delivered");
      case "lot.transformed":
        return lang.t("加工", "Processed");
      case "inspection.recorded":
        return lang.t("质量检验", "Inspected");
      case "production.recorded":
        return lang.t("生产记录", "Farm work");
      case "sale.recorded":
        return lang.t("销售", "Sold");
      case "product.registered":
        return lang.t("产品登记", "Product registered");
      case "site.registered":
        return lang.t("基地登记", "Base registered");
      case "standard.published":
        return lang.t("标准发布", "Standard published");
      default:
        return type;
    }
  }

  private static String process(String process, Lang lang) {
    if (process == null) {
      return "?";
    }
    switch (process) {
      case "harvest":
        return lang.t("收获", "harvest");
      case "grading":
        return lang.t("分级", "grading");
      case "packing":
        return lang.t("包装", "packing");
      case "merging":
        return lang.t("合并", "merging");
      case "splitting":
        return lang.t("拆分", "splitting");
      case "processing":
        return lang.t("加工", "processing");
      default:
        return esc(process);
    }
  }

  private static String channel(String channel, Lang lang) {
    switch (channel) {
      case "platform":
        return lang.t("电商平台", "e-commerce platform");
      case "livestream":
        return lang.t("直播", "livestream");
      case "social_group":
        return lang.t("社群团购", "social group");
      case "offline":
        return lang.t("线下", "offline");
      default:
        return esc(channel);
    }
  }

  private static String unit(String baseUnit, Lang lang) {
    if (baseUnit == null) {
      return "";
    }
    switch (baseUnit) {
      case "g":
        return lang.t("克", "g");
      case "ml":
        return lang.t("毫升", "ml");
      default:
        return lang.t("件", "pieces");
    }
  }

  private static String number(long n, Lang lang) {
    return NumberFormat.getIntegerInstance(lang == Lang.ZH ? Locale.CHINA : Locale.UK).format(n);
  }

  private static String date(String timestamp) {
    return timestamp == null ? "" : esc(timestamp.substring(0, Math.min(10, timestamp.length())));
  }

  static String esc(Object o) {
    // The five characters HTML gives meaning to, as entities; the page is UTF-8, so nothing else.
    return o == null ? "" : HtmlUtils.htmlEscape(String.valueOf(o), "UTF-8");
  }

  /** The friendly page for an unknown lot (404) or a malformed identifier (400). */
  static String problem(int status, String detail, Lang lang) {
    String title =
        status == 404
            ? lang.t("没有找到这个产品批次", "We could not find this product lot")
            : lang.t("二维码内容有误", "This code is not a valid product code");
    return "<!doctype html><html lang=\""
        + lang.tag()
        + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
        + "initial-scale=1\"><title>"
        + esc(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body><main><h1>"
        + esc(title)
        + "</h1><section class=\"card\"><p>"
        + esc(detail)
        + "</p><p class=\"muted\">"
        + lang.t(
            "请核对包装上的二维码，或联系销售方。", "Please check the code on the package, or contact the seller.")
        + "</p></section></main></body></html>";
  }
}
