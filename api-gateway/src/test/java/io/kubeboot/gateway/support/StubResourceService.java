package io.kubeboot.gateway.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for resource-service in tests: a JDK HTTP server on 127.0.0.1 that records every
 * request it receives and answers each path with a scripted handler (404 Status otherwise).
 */
public final class StubResourceService implements AutoCloseable {

  /** One request as it arrived. */
  public record Received(String method, URI uri, Headers headers, byte[] body) {

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

  public StubResourceService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", exchange -> {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(),
          exchange.getRequestBody().readAllBytes()));
      Handler handler = handlers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      try {
        if (handler == null) {
          json(exchange, 404, """
              {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not scripted",\
              "reason":"NotFound","code":404}""");
        } else {
          handler.handle(exchange);
        }
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void on(String method, String path, Handler handler) {
    handlers.put(method + " " + path, handler);
  }

  /** Answers {@code method path} with a fixed JSON body. */
  public void onJson(String method, String path, int code, String body) {
    on(method, path, exchange -> json(exchange, code, body));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last() {
    return received.get(received.size() - 1);
  }

  public void reset() {
    received.clear();
    handlers.clear();
  }

  public static void json(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
