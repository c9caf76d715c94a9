package io.kubeboot.node.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamChannelTest {

  @Test
  void encodesTheChannelAsTheFirstByte() {
    ByteBuffer message = StreamChannel.encode(StreamChannel.STDERR, "oops".getBytes(StandardCharsets.UTF_8));

    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    assertThat(bytes).containsExactly(2, 'o', 'o', 'p', 's');
  }

  @Test
  void decodesStdin() {
    StreamChannel.Message message = StreamChannel.decode(ByteBuffer.wrap(new byte[] {0, 'a', 'b', 'c'})).orElseThrow();

    assertThat(message.channel()).isEqualTo(StreamChannel.STDIN);
    assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("abc");
    assertThat(message.closedStream()).isEmpty();
  }

  @Test
  void decodesTheV5CloseOfAStream() {
    StreamChannel.Message message = StreamChannel.decode(ByteBuffer.wrap(new byte[] {(byte) 255, 0})).orElseThrow();

    assertThat(message.channel()).isEqualTo(StreamChannel.CLOSE);
    assertThat(message.closedStream()).contains(StreamChannel.STDIN);
  }

  @Test
  void decodesAResizeAsItsJson() {
    byte[] resize = "\u0004{\"Width\":80,\"Height\":24}".getBytes(StandardCharsets.UTF_8);

    StreamChannel.Message message = StreamChannel.decode(ByteBuffer.wrap(resize)).orElseThrow();

    assertThat(message.channel()).isEqualTo(StreamChannel.RESIZE);
    assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"Width\":80,\"Height\":24}");
  }

  @Test
  void anEmptyMessageHasNoChannel() {
    assertThat(StreamChannel.decode(ByteBuffer.allocate(0))).isEmpty();
  }

  @Test
  void anEmptyPayloadIsKept() {
    StreamChannel.Message message = StreamChannel.decode(ByteBuffer.wrap(new byte[] {0})).orElseThrow();

    assertThat(message.payload()).isEmpty();
  }
}
