/**
 * The ledger as a transparency log: pure functions and value types, no storage and no I/O.
 *
 * <ul>
 *   <li>Merkle tree (RFC 9162 §2.1): {@link net.suyuan.ledger.core.tlog.TreeHasher}, {@link
 *       net.suyuan.ledger.core.tlog.TreeBuilder} (integration: append leaves, store the nodes it
 *       reports), {@link net.suyuan.ledger.core.tlog.MerkleTree} (roots and proofs from stored
 *       hashes read through a {@link net.suyuan.ledger.core.tlog.HashReader} the caller supplies),
 *       {@link net.suyuan.ledger.core.tlog.ProofVerifier}. Leaf {@code i} is the entry with {@code
 *       seq = i}; its leaf hash is the entry hash {@code H(0x00 || canonical bytes)}.
 *   <li>c2sp.org/tlog-tiles: {@link net.suyuan.ledger.core.tlog.TilePath}, {@link
 *       net.suyuan.ledger.core.tlog.TileLayout}, {@link net.suyuan.ledger.core.tlog.EntryBundle}.
 *   <li>c2sp.org/signed-note: {@link net.suyuan.ledger.core.tlog.SignedNote}, {@link
 *       net.suyuan.ledger.core.tlog.VerifierKey}, {@link net.suyuan.ledger.core.tlog.SignerKey},
 *       {@link net.suyuan.ledger.core.tlog.SignatureAlgorithm}.
 *   <li>c2sp.org/tlog-checkpoint and tlog-cosignature: {@link
 *       net.suyuan.ledger.core.tlog.Checkpoint}, {@link net.suyuan.ledger.core.tlog.Cosignature},
 *       {@link net.suyuan.ledger.core.tlog.CheckpointPolicy}.
 *   <li>c2sp.org/tlog-proof@v1: {@link net.suyuan.ledger.core.tlog.TlogProof}.
 * </ul>
 *
 * <p><b>SM3 ledgers.</b> A ledger whose hash algorithm is SM3 builds the same tree, tiles,
 * checkpoints and proofs with SM3 in place of SHA-256 (same 0x00/0x01 prefixes, 32-byte hashes,
 * empty root SM3("")). This deviates from tlog-tiles, which names SHA-256, so generic tlog clients
 * cannot verify an SM3 log's tree; its note signatures and key IDs are unchanged (key IDs are
 * always SHA-256, as signed-note specifies).
 *
 * <p><b>Errors.</b> Malformed input throws {@link net.suyuan.ledger.core.tlog.LogFormatException};
 * anything that does not verify throws {@link net.suyuan.ledger.core.tlog.LogVerificationException}
 * (with {@link net.suyuan.ledger.core.tlog.RootMismatchException} carrying the expected and
 * calculated roots). Verification never returns a boolean.
 */
package net.suyuan.ledger.core.tlog;
