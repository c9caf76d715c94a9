package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.node.runtime.DockerExecStream;
import io.kubeboot.node.runtime.DockerRuntime;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code kubectl exec} connection: a Docker exec created for it, started when the WebSocket
 * opens. Client messages on the stdin channel go to the process, a v5 close of stdin closes the
 * process's stdin, resize messages resize its tty; the process's output goes back on the stdout
 * and stderr channels. When the output ends, the exit code becomes the Status on the error
 * channel and the connection closes.
 */
final class ExecSession extends Endpoint {

  private static final Logger log = LoggerFactory.getLogger(ExecSession.class);

  private static final int EXIT_CODE_POLLS = 50;

  private final DockerRuntime runtime;
  private final JsonMapper json;
  private final String execId;
  private final List<String> command;
  private final boolean tty;
  private volatile DockerExecStream stream;

  ExecSession(DockerRuntime runtime, JsonMapper json, String execId, List<String> command, boolean tty) {
    this.runtime = runtime;
    this.json = json;
    this.execId = execId;
    this.command = command;
    this.tty = tty;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.setMaxIdleTimeout(0);
    try {
      stream = runtime.startExec(execId, tty);
    } catch (IOException | RuntimeException e) {
      finish(session, ExecStatus.internalError("error executing command in container: " + e.getMessage()));
      return;
    }
    session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) message -> receive(session, message));
    Thread output = new Thread(() -> relayOutput(session), "exec-" + execId.substring(0, Math.min(12, execId.length())));
    output.setDaemon(true);
    output.start();
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    closeStream();
  }

  @Override
  public void onError(Session session, Throwable failure) {
    log.debug("exec {} connection failed: {}", execId, failure.toString());
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
        default -> log.debug("exec {}: ignoring a message on channel {}", execId, in.channel());
      }
    } catch (IOException e) {
      log.debug("exec {}: stdin is gone: {}", execId, e.toString());
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
        runtime.resizeExec(execId, width, height);
      }
    } catch (RuntimeException e) {
      log.debug("exec {}: bad resize message: {}", execId, e.toString());
    }
  }

  private void relayOutput(Session session) {
    try {
      DockerExecStream.Output output;
      while ((output = stream.next()) != null) {
        int channel = output.stream() == DockerExecStream.Output.STDERR ? StreamChannel.STDERR : StreamChannel.STDOUT;
        session.getBasicRemote().sendBinary(StreamChannel.encode(channel, output.data()));
      }
    } catch (IOException e) {
      if (!session.isOpen()) {
        closeStream();
        return; // the client left; the process is on its own, as upstream leaves it
      }
      log.debug("exec {}: output ended early: {}", execId, e.toString());
    }
    finish(session, outcome());
  }

  private Status outcome() {
    try {
      // The stream can end a moment before the engine records the exit code.
      Optional<Integer> exitCode = runtime.execExitCode(execId);
      for (int attempt = 0; exitCode.isEmpty() && attempt < EXIT_CODE_POLLS; attempt++) {
        Thread.sleep(100);
        exitCode = runtime.execExitCode(execId);
      }
      if (exitCode.isEmpty()) {
        return ExecStatus.internalError("error executing command in container: exit code unknown");
      }
      return exitCode.get() == 0 ? ExecStatus.success() : ExecStatus.exitCode(command, exitCode.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExecStatus.internalError("error executing command in container: interrupted");
    } catch (RuntimeException e) {
      return ExecStatus.internalError("error executing command in container: " + e.getMessage());
    }
  }

  private void finish(Session session, Status status) {
    try {
      if (session.isOpen()) {
        session.getBasicRemote().sendBinary(StreamChannel.encode(StreamChannel.ERROR, json.writeValueAsBytes(status)));
        session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
      }
    } catch (IOException e) {
      log.debug("exec {}: could not send the outcome: {}", execId, e.toString());
    } finally {
      closeStream();
    }
  }

  private void closeStream() {
    DockerExecStream current = stream;
    if (current != null) {
      try {
        current.close();
      } catch (IOException ignored) {
        // closing a connection that is going away anyway
      }
    }
  }
}
