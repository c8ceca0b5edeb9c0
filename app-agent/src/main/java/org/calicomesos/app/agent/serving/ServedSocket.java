package org.calicomesos.app.agent.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.calicomesos.app.agentsocket.AgentSocket;
import org.calicomesos.app.agentsocket.InheritedListener;

/**
 * The socket the agent serves plugin requests on: the one systemd handed over when calico-mesos-agent.socket
 * started it, so that requests wait in its queue while the agent restarts; else {@code CALICO_AGENT_SOCKET},
 * bound by the agent itself.
 */
public final class ServedSocket {
  private static final System.Logger LOG = System.getLogger(ServedSocket.class.getName());

  private ServedSocket() {}

  /** @param configured {@code CALICO_AGENT_SOCKET}, where bin/calico-mesos looks for the agent */
  public static AgentSocket take(Path configured, Optional<InheritedListener> inherited) {
    if (inherited.isEmpty()) {
      return AgentSocket.bind(configured);
    }
    Path path = inherited.get().path();
    if (!sameFile(path, configured)) {
      LOG.log(System.Logger.Level.WARNING, "systemd handed this agent the socket {0}, but CALICO_AGENT_SOCKET is {1},"
          + " where the plugin looks for the agent: make the socket unit''s ListenStream= and CALICO_AGENT_SOCKET"
          + " agree", path, configured);
    }
    return AgentSocket.inherit(inherited.get());
  }

  // The same socket under another name counts (/var/run is /run on most hosts).
  private static boolean sameFile(Path one, Path other) {
    try {
      return Files.isSameFile(one, other);
    } catch (IOException e) {
      return false;
    }
  }
}
