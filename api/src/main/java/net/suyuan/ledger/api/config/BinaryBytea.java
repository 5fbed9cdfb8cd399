package net.suyuan.ledger.api.config;

import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A {@code bytea} statement parameter that travels in PostgreSQL's binary format: the bytes as they
 * are. r2dbc-postgresql 1.1 sends {@code byte[]} and {@code ByteBuffer} parameters as hex text,
 * reading and writing a byte at a time through netty's checked accessors; for the 300 kB of entry
 * bytes a 1,000-event batch writes, that was the largest cost of the write path. {@link
 * #registrar()} teaches the driver this type (see {@code DriverConfiguration}).
 *
 * <p>Immutable: the bytes are copied in and never handed out.
 */
public final class BinaryBytea {
  /** PostgreSQL's type oid of {@code bytea}. */
  static final int BYTEA_OID = 17;

  private final byte[] bytes;

  private BinaryBytea(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A parameter holding a copy of the bytes from {@code offset}, {@code length} long. */
  public static BinaryBytea of(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    byte[] copy = new byte[length];
    System.arraycopy(bytes, offset, copy, 0, length);
    return new BinaryBytea(copy);
  }

  /** The driver extension that encodes this type; register it on the connection factory. */
  public static CodecRegistrar registrar() {
    return (connection, allocator, registry) -> register(registry);
  }

  private static Publisher<Void> register(CodecRegistry registry) {
    registry.addFirst(new EncodeOnly());
    return Mono.empty();
  }

  @Override
  public String toString() {
    return "BinaryBytea[" + bytes.length + " bytes]";
  }

  /** Encodes {@link BinaryBytea}; decodes nothing (bytea columns still read as byte[]). */
  static final class EncodeOnly implements Codec<BinaryBytea> {
    @Override
    public boolean canDecode(int dataType, Format format, Class<?> type) {
      return false;
    }

    @Override
    public boolean canEncode(Object value) {
      return value instanceof BinaryBytea;
    }

    @Override
    public boolean canEncodeNull(Class<?> type) {
      return type == BinaryBytea.class;
    }

    @Override
    public BinaryBytea decode(
        io.netty.buffer.ByteBuf buffer,
        int dataType,
        Format format,
        Class<? extends BinaryBytea> type) {
      throw new UnsupportedOperationException("BinaryBytea is a parameter type only");
    }

    @Override
    public EncodedParameter encode(Object value) {
      byte[] bytes = ((BinaryBytea) value).bytes;
      // A fresh wrapper per subscription: the driver releases what it writes.
      return new EncodedParameter(
          Format.FORMAT_BINARY, BYTEA_OID, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(bytes)));
    }

    @Override
    public EncodedParameter encode(Object value, int dataType) {
      return encode(value);
    }

    @Override
    public EncodedParameter encodeNull() {
      return new EncodedParameter(Format.FORMAT_BINARY, BYTEA_OID, EncodedParameter.NULL_VALUE);
    }
  }
}
