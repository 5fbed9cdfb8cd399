package net.suyuan.ledger.qr;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR error-correction level (ISO/IEC 18004:2015 §7.5.2): the share of codewords that may be lost or
 * wrong and still be recovered. Higher levels make a larger symbol for the same text.
 */
public enum ErrorCorrection {
  /** About 7% recoverable. */
  L(ErrorCorrectionLevel.L),
  /** About 15% recoverable. */
  M(ErrorCorrectionLevel.M),
  /**
   * About 25% recoverable: the default. Labels on produce get wet, scuffed, creased round a crate
   * edge and printed on cheap thermal stock; a quarter of the symbol can be lost to that and the
   * code still scans, at the cost of one or two versions over M for a Digital Link URI.
   */
  Q(ErrorCorrectionLevel.Q),
  /** About 30% recoverable. */
  H(ErrorCorrectionLevel.H);

  private final ErrorCorrectionLevel zxing;

  ErrorCorrection(ErrorCorrectionLevel zxing) {
    this.zxing = zxing;
  }

  ErrorCorrectionLevel zxing() {
    return zxing;
  }
}
