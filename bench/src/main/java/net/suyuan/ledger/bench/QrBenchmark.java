package net.suyuan.ledger.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.qr.QrEncoder;
import net.suyuan.ledger.qr.QrOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * QR codes per second, single thread, for a typical label URI at the CLI's default size (512 px,
 * level Q, quiet zone 4, no caption): ZXing's encode to a scaled BitMatrix (the baseline: the part
 * no PNG writer can avoid), our PNG, our SVG, and the usual ZXing + ImageIO PNG path for
 * comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QrBenchmark {
  static final String URI = "https://id.example.cn/01/06901234500004/10/G2022-001A/21/000123";
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(EncodeHintType.ERROR_CORRECTION, "Q", EncodeHintType.MARGIN, 4);

  private final QrEncoder encoder = new QrEncoder();
  private final QrOptions options = QrOptions.defaults();
  private final QRCodeWriter writer = new QRCodeWriter();

  /** Baseline: text to QR symbol to a 512 × 512 BitMatrix, no image. */
  @Benchmark
  public BitMatrix zxingBitMatrix() throws WriterException {
    return writer.encode(URI, BarcodeFormat.QR_CODE, 512, 512, HINTS);
  }

  /** The product's PNG: 1-bit grayscale written directly. */
  @Benchmark
  public byte[] png() {
    return encoder.png(URI, options);
  }

  /** The product's SVG. */
  @Benchmark
  public String svg() {
    return encoder.svg(URI, options);
  }

  /** For comparison: BitMatrix to BufferedImage to ImageIO's PNG writer. */
  @Benchmark
  public byte[] zxingImageIoPng() throws WriterException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    MatrixToImageWriter.writeToStream(
        writer.encode(URI, BarcodeFormat.QR_CODE, 512, 512, HINTS), "png", out);
    return out.toByteArray();
  }
}
