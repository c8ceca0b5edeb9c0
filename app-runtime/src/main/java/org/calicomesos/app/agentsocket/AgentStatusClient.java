package org.calicomesos.app.agentsocket;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/** Asks the agent on a socket how it is doing ({@code calico-mesos status}). */
public final class AgentStatusClient {
  private static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private AgentStatusClient() {}

  /** The agent's answer, or why there is none. */
  public sealed interface Answer {
    /** The JSON the agent sent. */
    record Serving(String json) implements Answer {}

    /** No agent answered: {@code reason} is a phrase, e.g. "no socket at /var/run/...". */
    record NotServing(String reason) implements Answer {}
  }

  public static Answer ask(Path socket, Duration timeout) {
    Path directory = socket.getParent();
    if (Files.isDirectory(directory) && !Files.isExecutable(directory)) {
      return new Answer.NotServing("cannot look into " + directory + " (permission denied): run status as root,"
          + " the agent's user");
    }
    if (!Files.exists(socket)) {
      return new Answer.NotServing("no socket at " + socket + " (the agent is stopped, or serves elsewhere)");
    }
    Timer cutOff = new Timer("status-timeout", true);
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      cutOff.schedule(new TimerTask() {
        @Override
        public void run() {
          AgentSocket.closeQuietly(channel);
        }
      }, timeout.toMillis());
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        return new Answer.NotServing(socket + " is there but nobody answers on it (" + e.getMessage()
            + "): an agent that stopped without cleaning up");
      }
      channel.write(ByteBuffer.wrap(AgentWire.statusHeader()));
      channel.shutdownOutput();
      byte[] answer = Channels.newInputStream(channel).readNBytes(MAX_ANSWER_BYTES);
      if (answer.length == 0) {
        return new Answer.NotServing("the agent on " + socket + " closed the connection without answering");
      }
      return new Answer.Serving(new String(answer, StandardCharsets.UTF_8));
    } catch (IOException e) {
      // Cut off by the timer, the read fails with no message of its own; any other failure says what it was.
      String cause = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
      return new Answer.NotServing("the agent on " + socket + " did not answer within " + timeout.toSeconds()
          + " s" + cause);
    } finally {
      cutOff.cancel();
    }
  }
}
