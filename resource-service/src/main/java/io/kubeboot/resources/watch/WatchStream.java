package io.kubeboot.resources.watch;

import io.kubeboot.common.api.ApiException;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of one watch response: newline-delimited watch events, each flushed as it happens,
 * until the watch times out, the client goes away or the service shuts down. Bookmarks (when allowed) carry the newest
 * revision seen so a client can resume without replaying. History that has been compacted ends
 * the stream with an ERROR event holding a 410 Expired Status, as upstream does.
 */
class WatchStream implements StreamingResponseBody {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int BATCH = 500;

  private final WatchHub hub;
  private final WatchRequest request;
  private final long bookmarkMillis;
  private final Flushable response;
  private final BooleanSupplier closing;

  /**
   * @param response the servlet response: Spring 7 gives a StreamingResponseBody a stream whose
   *     {@code flush()} does nothing, so each event is pushed out by flushing the response itself
   */
  WatchStream(WatchHub hub, WatchRequest request, long bookmarkIntervalSeconds, Flushable response,
      BooleanSupplier closing) {
    this.hub = hub;
    this.request = request;
    this.bookmarkMillis = bookmarkIntervalSeconds * 1000;
    this.response = response;
    this.closing = closing;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    for (ObjectNode object : request.initial()) {
      out.write(HubEvent.line("ADDED", object));
    }
    flush(out);
    long cursor = request.fromRevision();
    long deadline = System.currentTimeMillis() + request.timeoutSeconds() * 1000;
    long lastBookmark = System.currentTimeMillis();
    try {
      hub.requireAvailable(cursor);
      while (true) {
        long now = System.currentTimeMillis();
        if (now >= deadline || closing.getAsBoolean()) {
          return;
        }
        WatchHub.Batch batch = hub.after(cursor, BATCH, Math.min(deadline - now, 1000), request::wants);
        boolean wrote = false;
        for (HubEvent event : batch.events()) {
          byte[] line = request.eventFor(event);
          if (line != null) {
            out.write(line);
            wrote = true;
          }
        }
        cursor = batch.through();
        if (request.bookmarks() && System.currentTimeMillis() - lastBookmark >= bookmarkMillis) {
          out.write(bookmark(cursor));
          lastBookmark = System.currentTimeMillis();
          wrote = true;
        }
        if (wrote) {
          flush(out);
        }
      }
    } catch (ApiException e) {
      out.write(HubEvent.line("ERROR", MAPPER.valueToTree(e.status())));
      flush(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void flush(OutputStream out) throws IOException {
    out.flush();
    response.flush();
  }

  private byte[] bookmark(long revision) {
    ObjectNode object = MAPPER.createObjectNode();
    object.put("kind", request.type().kind());
    object.put("apiVersion", request.type().apiVersion());
    object.putObject("metadata").put("resourceVersion", Long.toString(revision));
    return HubEvent.line("BOOKMARK", object);
  }
}
