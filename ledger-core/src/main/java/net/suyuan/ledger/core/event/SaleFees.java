package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * What a sale cost the seller besides the goods: platform commission, service (e.g. livestream
 * host), logistics and packaging, in fen.
 */
public record SaleFees(Fen platformFen, Fen serviceFen, Fen logisticsFen, Fen packagingFen) {
  public static final SaleFees NONE = new SaleFees(Fen.ZERO, Fen.ZERO, Fen.ZERO, Fen.ZERO);

  public SaleFees {
    Texts.present("platformFen", platformFen);
    Texts.present("serviceFen", serviceFen);
    Texts.present("logisticsFen", logisticsFen);
    Texts.present("packagingFen", packagingFen);
    try {
      Fen.sum(platformFen, serviceFen, logisticsFen, packagingFen);
    } catch (ArithmeticException e) {
      throw FieldException.of("platformFen", "fees total exceeds 2^53-1 fen");
    }
  }

  public Fen total() {
    return Fen.sum(platformFen, serviceFen, logisticsFen, packagingFen);
  }

  /** Fee by fee, this plus {@code other}. */
  public SaleFees plus(SaleFees other) {
    return new SaleFees(
        Fen.sum(platformFen, other.platformFen),
        Fen.sum(serviceFen, other.serviceFen),
        Fen.sum(logisticsFen, other.logisticsFen),
        Fen.sum(packagingFen, other.packagingFen));
  }

  JsonObject toBody() {
    return JsonObject.builder()
        .put("platformFen", platformFen.value())
        .put("serviceFen", serviceFen.value())
        .put("logisticsFen", logisticsFen.value())
        .put("packagingFen", packagingFen.value())
        .build();
  }

  static SaleFees read(BodyReader r) {
    return new SaleFees(
        r.integer("platformFen", Fen::of),
        r.integer("serviceFen", Fen::of),
        r.integer("logisticsFen", Fen::of),
        r.integer("packagingFen", Fen::of));
  }
}
