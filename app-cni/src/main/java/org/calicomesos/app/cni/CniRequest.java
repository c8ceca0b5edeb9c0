package org.calicomesos.app.cni;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.attachment.AddressRequest;
import org.calicomesos.ports.attachment.AttachmentId;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.ports.model.PortMapping;

/**
 * One CNI request with every value validated: what is left to do is only what needs the datastore or the kernel.
 * {@code version} is the one the result is written in.
 */
sealed interface CniRequest {
  CniVersion version();

  /** The command, as the request log and the gate name it. */
  CniCommand command();

  /**
   * {@code namespace} is absent only for the IPAM plugin, which plumbs nothing; so are {@code portMappings}, which
   * it does not read.
   */
  record Add(CniVersion version, AttachmentId id, Optional<NetworkNamespace> namespace, AddressRequest addresses,
      List<Netgroup> netgroups, Map<String, String> labels, List<PortMapping> portMappings) implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.ADD;
    }
  }

  record Del(CniVersion version, AttachmentId id) implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.DEL;
    }
  }

  /** {@code expected}: the previous result's addresses, without prefix lengths. */
  record Check(CniVersion version, AttachmentId id, Optional<NetworkNamespace> namespace, List<IPAddress> expected)
      implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.CHECK;
    }
  }

  record Version(CniVersion version) implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.VERSION;
    }
  }

  record Gc(CniVersion version, NetworkName network, Set<AttachmentId> valid) implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.GC;
    }
  }

  record Status(CniVersion version, boolean ipv4, boolean ipv6, List<IPAddress> pools) implements CniRequest {
    @Override
    public CniCommand command() {
      return CniCommand.STATUS;
    }
  }
}
