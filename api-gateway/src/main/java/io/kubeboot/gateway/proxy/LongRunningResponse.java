package io.kubeboot.gateway.proxy;

import io.kubeboot.gateway.table.TableConverter;
import io.kubeboot.gateway.table.TableRequest;
import java.io.BufferedReader;
import java.io.Flushable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays a response that lasts as long as the client and resource-service keep it open: each
 * watch event (one JSON line) or each chunk of a followed log is written and flushed the moment it
 * arrives, and the status line and headers go out at once, before the first piece. It ends when
 * resource-service ends the stream, when the client is gone, at the next write, and when the
 * gateway shuts down ({@link OpenStreams}); either way the upstream connection is closed.
 *
 * <p>Spring 7 hands a {@link StreamingResponseBody} a stream whose {@code flush()} does nothing
 * (unless the global {@code spring.http.response.flush.enabled} flag is set), so each piece is
 * pushed out by flushing the servlet response itself.
 */
final class LongRunningResponse {

  private LongRunningResponse() {
  }

  /** Watch events, each turned into a one-row Table event when the client asked for Tables. */
  static StreamingResponseBody watch(InputStream upstream, Flushable response, OpenStreams streams,
      TableRequest table, TableConverter converter, JsonMapper json) {
    return out -> {
      response.flush(); // headers now, as the API server does: clients wait for them before reading events
      streams.relay(upstream, in -> {
        BufferedReader events = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = events.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          byte[] event = table == null ? line.getBytes(StandardCharsets.UTF_8) : asTable(line, table, converter, json);
          out.write(event);
          out.write('\n');
          response.flush();
        }
      });
    };
  }

  /** A line that is no JSON event cannot become a Table; it passes as it came rather than end the watch. */
  private static byte[] asTable(String line, TableRequest table, TableConverter converter, JsonMapper json) {
    try {
      return json.writeValueAsBytes(converter.convertEvent(json.readTree(line), table));
    } catch (JacksonException e) {
      return line.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Bytes as they come, such as {@code kubectl logs -f}. */
  static StreamingResponseBody raw(InputStream upstream, Flushable response, OpenStreams streams) {
    return out -> {
      response.flush();
      streams.relay(upstream, in -> {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
          out.write(buffer, 0, read);
          response.flush();
        }
      });
    };
  }
}
