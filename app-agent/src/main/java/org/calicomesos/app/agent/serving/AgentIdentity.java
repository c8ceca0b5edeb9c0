package org.calicomesos.app.agent.serving;

import java.nio.file.Path;
import java.time.Instant;

/** What the agent says about itself in {@code status}: fixed when it starts. */
record AgentIdentity(String version, long pid, Instant started, Path socket, boolean socketInherited,
    String datastore, String node) {}
