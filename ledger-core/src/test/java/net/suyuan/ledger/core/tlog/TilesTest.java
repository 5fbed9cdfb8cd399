package net.suyuan.ledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.hash.HashAlg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * c2sp.org/tlog-tiles paths, layout, tile bytes and entry bundles. Vector sources: the spec's own
 * examples (S), and golang.org/x/mod {@code sumdb/tlog/tlog_test.go} {@code tilePaths} (G), whose
 * paths carry the tile height as an extra first element ({@code tile/H/L/N}) and call entry bundles
 * {@code data}; they are given here in tlog-tiles form, with that element dropped.
 */
class TilesTest {
  @Test
  void paths_matchSpecAndGoVectors() throws Exception {
    // S: "index 1234067 will be encoded as x001/x234/067".
    assertThat(new HashTile(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
    // G: {"tile/4/0/001", Tile{4, 0, 1, 16}} (a full tile of height 4).
    assertRoundTrip("tile/0/001", new HashTile(0, 1, 256));
    // G: {"tile/4/0/001.p/5", Tile{4, 0, 1, 5}}.
    assertRoundTrip("tile/0/001.p/5", new HashTile(0, 1, 5));
    // G: {"tile/3/5/x123/x456/078", Tile{3, 5, 123456078, 8}}.
    assertRoundTrip("tile/5/x123/x456/078", new HashTile(5, 123456078, 256));
    // G: {"tile/3/5/x123/x456/078.p/2", Tile{3, 5, 123456078, 2}}.
    assertRoundTrip("tile/5/x123/x456/078.p/2", new HashTile(5, 123456078, 2));
    // G: {"tile/1/0/x003/x057/500", Tile{1, 0, 3057500, 2}}.
    assertRoundTrip("tile/0/x003/x057/500", new HashTile(0, 3057500, 256));
    // G: {"tile/1/data/x003/x057/500", Tile{1, -1, 3057500, 2}}.
    assertRoundTrip("tile/entries/x003/x057/500", new EntryBundleTile(3057500, 256));
    assertRoundTrip("tile/entries/000.p/1", new EntryBundleTile(0, 1));
    assertRoundTrip("tile/63/000", new HashTile(63, 0, 256));
    assertRoundTrip("tile/0/255.p/255", new HashTile(0, 255, 255));
  }

  private static void assertRoundTrip(String path, TilePath tile) throws LogFormatException {
    assertThat(tile.path()).isEqualTo(path);
    assertThat(TilePath.parse(path)).isEqualTo(tile);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tile/5/123/456/078", // G: groups without x
        "tile/-1/123/456/078", // G: negative level
        "tile/64/000", // level above 63
        "tile/01/000", // leading zero in level
        "tile/0/1", // index group not 3 digits
        "tile/0/0001",
        "tile/0/x000/001", // non-canonical leading zero group
        "tile/0/x001", // last group must not have x
        "tile/0/001/x002", // x on the last group only
        "tile/0/001.p/0", // width 0
        "tile/0/001.p/256", // a full tile has no .p
        "tile/0/001.p/05", // leading zero in width
        "tile/0/001.p/", // missing width
        "tile/0/001.p",
        "tile/0/001/",
        "tile/0/",
        "tile/0",
        "tile/entries",
        "tile/entries/",
        "tile/data/001",
        "tiles/0/001",
        "/tile/0/001",
        "tile/0/x1/001",
        "tile/0/x00a/001",
        "tile/0/+01",
        "tile/0/x009/x223/x372/x036/x854/x775/808", // 2^63: beyond a long
        "tile/0/x036/x028/x797/x018/x963/968", // index * 256 overflows a long
      })
  void parse_rejectsMalformedPaths(String path) {
    assertThatThrownBy(() -> TilePath.parse(path)).isInstanceOf(LogFormatException.class);
  }

  /** S: "a tree of size 70,000 ..." and "a tree of size 256 ...". */
  @Test
  void layout_matchesSpecExamples() {
    List<HashTile> tiles = TileLayout.newHashTiles(0, 70_000);
    assertThat(tiles.stream().filter(t -> t.level() == 0 && !t.isPartial())).hasSize(273);
    assertThat(tiles)
        .contains(
            new HashTile(0, 273, 112),
            new HashTile(1, 0, 256),
            new HashTile(1, 1, 17),
            new HashTile(2, 0, 1));
    assertThat(tiles).hasSize(273 + 4);
    assertThat(TileLayout.newHashTiles(0, 256))
        .containsExactly(new HashTile(0, 0, 256), new HashTile(1, 0, 1));
    assertThat(TileLayout.hashTile(1, 1, 70_000)).contains(new HashTile(1, 1, 17));
    assertThat(TileLayout.hashTile(1, 2, 70_000)).isEmpty();
    assertThat(TileLayout.hashTile(3, 0, 70_000)).isEmpty();
    assertThat(TileLayout.entryBundle(273, 70_000)).contains(new EntryBundleTile(273, 112));
    assertThat(TileLayout.entryBundle(0, 0)).isEmpty();
    assertThat(TileLayout.newHashTiles(5, 5)).isEmpty();
  }

  @Test
  void newHashTiles_growth() {
    assertThat(TileLayout.newHashTiles(100, 101)).containsExactly(new HashTile(0, 0, 101));
    assertThat(TileLayout.newHashTiles(255, 257))
        .containsExactly(new HashTile(0, 0, 256), new HashTile(0, 1, 1), new HashTile(1, 0, 1));
    assertThat(TileLayout.newHashTiles(256, 300)).containsExactly(new HashTile(0, 1, 44));
  }

  @Test
  void isCompleteIn_followsTreeSize() {
    assertThat(new HashTile(0, 0, 5).isCompleteIn(5)).isTrue();
    assertThat(new HashTile(0, 0, 5).isCompleteIn(4)).isFalse();
    assertThat(new HashTile(1, 0, 1).isCompleteIn(256)).isTrue();
    assertThat(new HashTile(1, 0, 2).isCompleteIn(511)).isFalse();
    assertThat(new HashTile(63, 0, 1).isCompleteIn(Long.MAX_VALUE)).isFalse();
    assertThat(new EntryBundleTile(1, 256).isCompleteIn(512)).isTrue();
  }

  /**
   * Each hash of a tile is the MTH of the range the spec assigns to it, and a level-1 hash is the
   * root of the full level-0 tile below (height 8).
   */
  @Test
  void tileBytes_areTheSpecRangeHashes() {
    HashAlg alg = HashAlg.SHA_256;
    Random random = new Random(70_000);
    List<MerkleHash> leaves = new ArrayList<>();
    for (int i = 0; i < 256 * 3 + 7; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      leaves.add(new MerkleHash(b));
    }
    MemoryHashStore store = MemoryHashStore.of(alg, leaves);
    Naive naive = new Naive(new TreeHasher(alg), leaves);
    for (HashTile tile : TileLayout.newHashTiles(0, leaves.size())) {
      byte[] bytes = tile.read(store);
      assertThat(bytes).hasSize(32 * tile.width());
      long span = 1L << (8 * tile.level());
      for (int i = 0; i < tile.width(); i++) {
        long begin = (tile.index() * 256 + i) * span;
        byte[] expected = naive.mth((int) begin, (int) (begin + span)).bytes();
        byte[] got = java.util.Arrays.copyOfRange(bytes, 32 * i, 32 * i + 32);
        assertThat(got).as("%s hash %d", tile.path(), i).isEqualTo(expected);
      }
    }
    assertThat(TileLayout.hashTile(1, 0, leaves.size())).contains(new HashTile(1, 0, 3));
  }

  @Test
  void entryBundle_roundTripsAndRejectsMalformedBytes() throws Exception {
    List<byte[]> entries = List.of(new byte[0], "ab".getBytes(), new byte[0xFFFF]);
    byte[] bundle = EntryBundle.encode(entries);
    assertThat(bundle).startsWith(0, 0, 0, 2, 'a', 'b', 0xFF, 0xFF);
    assertThat(bundle).hasSize(2 + 4 + 2 + 0xFFFF);
    assertThat(EntryBundle.decode(bundle, 3))
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(entries);
    assertThatThrownBy(() -> EntryBundle.decode(bundle, 2)).isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> EntryBundle.decode(bundle, 4)).isInstanceOf(LogFormatException.class);
    byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length - 1);
    assertThatThrownBy(() -> EntryBundle.decode(truncated, 3))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> EntryBundle.decode(new byte[] {0}, 1))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[0x10000])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
