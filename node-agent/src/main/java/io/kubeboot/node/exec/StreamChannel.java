package io.kubeboot.node.exec;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes remote-command channel protocol over WebSocket ({@code v4.channel.k8s.io},
 * {@code v5.channel.k8s.io}): every binary message starts with one byte naming its stream.
 * v5 adds {@link #CLOSE}: a message {@code [255, stream]} ends one stream (stdin) while the others
 * go on.
 */
final class StreamChannel {

  static final int STDIN = 0;
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int ERROR = 3;
  static final int RESIZE = 4;
  static final int CLOSE = 255;

  static final String V5 = "v5.channel.k8s.io";
  static final String V4 = "v4.channel.k8s.io";
  /** The subprotocols served, most preferred first. */
  static final List<String> PROTOCOLS = List.of(V5, V4);

  private StreamChannel() {
  }

  /** One message from the client: its channel and the bytes after the channel byte. */
  record Message(int channel, byte[] payload) {

    /** The stream a {@link #CLOSE} message ends. */
    Optional<Integer> closedStream() {
      return channel == CLOSE && payload.length == 1 ? Optional.of(payload[0] & 0xff) : Optional.empty();
    }
  }

  static ByteBuffer encode(int channel, byte[] data) {
    ByteBuffer message = ByteBuffer.allocate(data.length + 1);
    message.put((byte) channel).put(data).flip();
    return message;
  }

  /** Empty for an empty message, which carries no channel. */
  static Optional<Message> decode(ByteBuffer message) {
    if (!message.hasRemaining()) {
      return Optional.empty();
    }
    int channel = message.get() & 0xff;
    byte[] payload = new byte[message.remaining()];
    message.get(payload);
    return Optional.of(new Message(channel, payload));
  }
}
