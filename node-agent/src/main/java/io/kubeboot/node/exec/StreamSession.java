package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.node.runtime.HijackedStream;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code kubectl exec} or {@code attach} connection to a {@link RemoteProcess}, attached when
 * the WebSocket opens. Client messages on the stdin channel go to the process, a v5 close of stdin closes the
 * process's stdin, resize messages resize its tty; the process's output goes back on the stdout
 * and stderr channels. When the output ends, the exit code becomes the Status on the error
 * channel and the connection closes.
 */
final class StreamSession extends Endpoint {

  private static final Logger log = LoggerFactory.getLogger(StreamSession.class);

  private final RemoteProcess process;
  private final JsonMapper json;
  private final boolean tty;
  private final String name;
  private volatile HijackedStream stream;

  StreamSession(RemoteProcess process, JsonMapper json, boolean tty) {
    this.process = process;
    this.json = json;
    this.tty = tty;
    this.name = process.name();
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.setMaxIdleTimeout(0);
    try {
      stream = process.attach();
    } catch (IOException | RuntimeException e) {
      finish(session, ExecStatus.internalError("cannot attach to " + name + ": " + e.getMessage()));
      return;
    }
    session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) message -> receive(session, message));
    Thread output = new Thread(() -> relayOutput(session), name);
    output.setDaemon(true);
    output.start();
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    closeStream();
  }

  @Override
  public void onError(Session session, Throwable failure) {
    log.debug("{} connection failed: {}", name, failure.toString());
    closeStream();
  }

  private void receive(Session session, ByteBuffer message) {
    Optional<StreamChannel.Message> decoded = StreamChannel.decode(message);
    if (decoded.isEmpty()) {
      return;
    }
    StreamChannel.Message in = decoded.get();
    try {
      switch (in.channel()) {
        case StreamChannel.STDIN -> stream.stdin().write(in.payload());
        case StreamChannel.RESIZE -> resize(in.payload());
        case StreamChannel.CLOSE -> {
          if (in.closedStream().orElse(-1) == StreamChannel.STDIN) {
            stream.closeStdin();
          }
        }
        default -> log.debug("{}: ignoring a message on channel {}", name, in.channel());
      }
    } catch (IOException e) {
      log.debug("{}: stdin is gone: {}", name, e.toString());
    }
  }

  /** {@code {"Width":80,"Height":24}}; a size that does not parse is ignored, as upstream does. */
  private void resize(byte[] payload) {
    if (!tty) {
      return;
    }
    try {
      JsonNode size = json.readTree(payload);
      int width = size.path("Width").asInt(0);
      int height = size.path("Height").asInt(0);
      if (width > 0 && height > 0) {
        process.resize(width, height);
      }
    } catch (RuntimeException e) {
      log.debug("{}: bad resize message: {}", name, e.toString());
    }
  }

  private void relayOutput(Session session) {
    try {
      HijackedStream.Output output;
      while ((output = stream.next()) != null) {
        int channel = output.stream() == HijackedStream.Output.STDERR ? StreamChannel.STDERR : StreamChannel.STDOUT;
        session.getBasicRemote().sendBinary(StreamChannel.encode(channel, output.data()));
      }
    } catch (IOException e) {
      if (!session.isOpen()) {
        closeStream();
        return; // the client left; the process is on its own, as upstream leaves it
      }
      log.debug("{}: output ended early: {}", name, e.toString());
    }
    finish(session, process.outcome());
  }

  private void finish(Session session, Status status) {
    try {
      if (session.isOpen()) {
        session.getBasicRemote().sendBinary(StreamChannel.encode(StreamChannel.ERROR, json.writeValueAsBytes(status)));
        session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
      }
    } catch (IOException e) {
      log.debug("{}: could not send the outcome: {}", name, e.toString());
    } finally {
      closeStream();
    }
  }

  private void closeStream() {
    HijackedStream current = stream;
    if (current != null) {
      try {
        current.close();
      } catch (IOException ignored) {
        // closing a connection that is going away anyway
      }
    }
  }
}
