package net.suyuan.ledger.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** What a printed sheet says about its fonts, for the tests of the library and of the CLI jar. */
public final class SheetFonts {
  private SheetFonts() {}

  /** Every page uses fonts, and each is embedded Liberation Sans: nothing left to the viewer. */
  public static void assertAllEmbedded(PDDocument doc) throws Exception {
    List<String> names = new ArrayList<>();
    for (PDPage page : doc.getPages()) {
      PDResources resources = page.getResources();
      List<COSName> fontNames = new ArrayList<>();
      resources.getFontNames().forEach(fontNames::add);
      assertThat(fontNames).as("fonts of a page").isNotEmpty();
      for (COSName name : fontNames) {
        PDFont font = resources.getFont(name);
        assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
        names.add(font.getName());
      }
    }
    // Subsets are named ABCDEF+LiberationSans (ISO 32000-1 §9.6.4).
    assertThat(names)
        .allMatch(n -> n.matches("[A-Z]{6}\\+LiberationSans(-Bold)?"), "subset Liberation Sans")
        .anyMatch(n -> n.endsWith("-Bold"));
  }
}
