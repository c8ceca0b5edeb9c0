package org.calicomesos.app.agent.serving;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.calicomesos.app.agentsocket.AgentSocket;
import org.calicomesos.app.agentsocket.InheritedListener;

/**
 * The socket systemd hands an agent that serves no requests ({@code --no-serve}; the service requires the socket
 * unit all the same): every connection is closed unread, which the launcher's client takes as a request the agent
 * did not take, so the plugin answers it in its own process. Unaccepted, each request would wait in the socket's
 * queue until its deadline.
 */
public final class RequestHandBack implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RequestHandBack.class.getName());

  private final InheritedListener listener;

  private RequestHandBack(InheritedListener listener) {
    this.listener = listener;
  }

  public static RequestHandBack start(InheritedListener listener) {
    RequestHandBack handBack = new RequestHandBack(listener);
    Thread closer = new Thread(handBack::closeEveryConnection, "agent-hand-back");
    closer.setDaemon(true);
    closer.start();
    LOG.log(System.Logger.Level.INFO, "not serving plugin requests (--no-serve): connections to {0} (socket from"
        + " systemd) are closed unread, and the plugin answers each request in its own process", listener.path());
    return handBack;
  }

  private void closeEveryConnection() {
    while (true) {
      try {
        listener.channel().accept().close();
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot accept a connection to hand back: {0}", e.toString());
        pause(); // e.g. out of file descriptors: no busy loop
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops accepting; systemd's socket stays. */
  @Override
  public void close() {
    AgentSocket.closeQuietly(listener.channel());
  }
}
