package net.suyuan.ledger.api.provenance;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The consumer page's words in one language: {@code provenance/consumer-page_<locale>.properties}
 * (UTF-8), read once. Every argument is a string the caller formatted (numbers with {@link
 * #number}), so {@link MessageFormat} never formats a value on its own. Plain text: the templates
 * escape it.
 */
final class PageText {
  static final String BUNDLE = "provenance/consumer-page";

  private final ResourceBundle bundle;
  private final Locale numbers;
  private final String tag;

  private PageText(Locale bundleLocale, Locale numbers, String tag) {
    // No fallback to the JVM's default locale: each language has its own complete bundle.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            bundleLocale,
            PageText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.numbers = numbers;
    this.tag = tag;
  }

  static PageText chinese() {
    return new PageText(Locale.SIMPLIFIED_CHINESE, Locale.CHINA, "zh-CN");
  }

  static PageText english() {
    return new PageText(Locale.ENGLISH, Locale.UK, "en");
  }

  /** The language's tag, for {@code <html lang>} and {@code Content-Language}. */
  String tag() {
    return tag;
  }

  /** The message {@code key} with its {@code {0}}, {@code {1}} ... replaced by {@code args}. */
  String get(String key, String... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, numbers).format(args);
  }

  /** The message {@code prefix + name}, or {@code name} itself when the bundle has no such key. */
  String named(String prefix, String name) {
    return bundle.containsKey(prefix + name) ? bundle.getString(prefix + name) : name;
  }

  /** An integer with the language's grouping ({@code 1,234,567} in both). */
  String number(long n) {
    return NumberFormat.getIntegerInstance(numbers).format(n);
  }

  /** The keys of this language's bundle, for the test that both languages have the same. */
  java.util.Set<String> keys() {
    return bundle.keySet();
  }
}
