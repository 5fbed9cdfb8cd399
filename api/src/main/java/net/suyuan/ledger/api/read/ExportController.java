package net.suyuan.ledger.api.read;

import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/export?after=seq}: the chain as NDJSON, each line exactly the stored canonical
 * bytes followed by {@code \n}, in seq order (the export format the auditor CLI and core's {@code
 * ExportVerifier} read). Streamed page by page with back-pressure: a slow client holds at most a
 * few pages in memory, never the table. Resumable: {@code after=k} starts at seq k+1.
 */
@RestController
class ExportController {

  /** Entries per keyset page: one network write per page of roughly 0.5-1 MB. */
  static final int PAGE_SIZE = 2000;

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private final EntryStore store;

  ExportController(EntryStore store) {
    this.store = store;
  }

  @GetMapping("/api/v1/export")
  Mono<ResponseEntity<Flux<DataBuffer>>> export(
      @RequestParam(required = false) String after, ServerWebExchange exchange) {
    return Mono.fromCallable(() -> ReadParams.after(after))
        .map(
            from -> {
              DataBufferFactory buffers = exchange.getResponse().bufferFactory();
              Flux<DataBuffer> body =
                  store.pagesAfter(from, PAGE_SIZE).map(page -> lines(page, buffers));
              return ResponseEntity.ok().contentType(NDJSON).body(body);
            });
  }

  private static DataBuffer lines(List<StoredEntry> page, DataBufferFactory buffers) {
    int size = 0;
    for (StoredEntry e : page) {
      size += e.canonical().length + 1;
    }
    DataBuffer out = buffers.allocateBuffer(size);
    for (StoredEntry e : page) {
      out.write(e.canonical());
      out.write((byte) '\n');
    }
    return out;
  }
}
