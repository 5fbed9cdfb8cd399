package net.suyuan.ledger.core.tlog;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The signature primitives behind {@link SignatureAlgorithm}. BouncyCastle for both: the JDK's
 * EdDSA cannot derive an Ed25519 public key from an RFC 8032 seed (needed to print a vkey from a
 * key file), and the JDK has no SM2.
 */
final class NoteCrypto {
  /** GB/T 32918.2 / GM/T 0009 default user ID, used when none is agreed. */
  private static final byte[] SM2_USER_ID = "1234567812345678".getBytes();

  private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");
  private static final ECDomainParameters SM2_DOMAIN =
      new ECDomainParameters(
          SM2_CURVE.getCurve(), SM2_CURVE.getG(), SM2_CURVE.getN(), SM2_CURVE.getH());

  private NoteCrypto() {}

  static byte[] ed25519PublicKey(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  static byte[] ed25519Sign(byte[] seed, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  /** Checks a 32-byte SM2 private key is in [1, n - 2] (GB/T 32918.1 §6.1). */
  static void checkSm2PrivateKey(byte[] d) {
    BigInteger k = new BigInteger(1, d);
    if (k.signum() <= 0 || k.compareTo(SM2_DOMAIN.getN().subtract(BigInteger.TWO)) > 0) {
      throw new IllegalArgumentException("SM2 private key out of range");
    }
  }

  static byte[] sm2PublicKey(byte[] d) {
    checkSm2PrivateKey(d);
    return SM2_DOMAIN.getG().multiply(new BigInteger(1, d)).normalize().getEncoded(false);
  }

  /** Decodes and validates an uncompressed SM2 point; throws IllegalArgumentException if bad. */
  static ECPoint sm2Point(byte[] publicKey) {
    if (publicKey.length != 65 || publicKey[0] != 0x04) {
      throw new IllegalArgumentException("SM2 public keys are 65-byte uncompressed points");
    }
    ECPoint p = SM2_DOMAIN.getCurve().decodePoint(publicKey);
    if (p.isInfinity() || !p.isValid()) {
      throw new IllegalArgumentException("SM2 public key is not a valid curve point");
    }
    return p;
  }

  static byte[] sm2Sign(byte[] d, byte[] message, SecureRandom random) {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    ECPrivateKeyParameters key = new ECPrivateKeyParameters(new BigInteger(1, d), SM2_DOMAIN);
    signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), SM2_USER_ID));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed", e);
    }
  }

  static boolean sm2Verify(byte[] publicKey, byte[] message, byte[] signature) {
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    ECPublicKeyParameters key = new ECPublicKeyParameters(sm2Point(publicKey), SM2_DOMAIN);
    verifier.init(false, new ParametersWithID(key, SM2_USER_ID));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
