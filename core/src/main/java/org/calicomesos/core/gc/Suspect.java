package org.calicomesos.core.gc;

import java.util.Optional;
import java.util.Set;
import inet.ipaddr.IPAddress;
import org.calicomesos.core.endpoint.Endpoint;
import org.calicomesos.core.ipam.HandleHoldings;
import org.calicomesos.core.portmap.PortClaim;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.schema.DatastoreKeys.PortClaimKey;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.gc.LeakKind;

/** A leak candidate as one collection found it: what it is, the key its mark is kept under, and why it looks dead. */
sealed interface Suspect {
  LeakKind kind();

  /** Its mark's key: stable while the candidate is the same thing, different once it is another. */
  String key();

  /** What it is, as an operator names it. */
  String subject();

  /** Why it counts as dead, in one sentence. */
  String reason();

  /** An endpoint record whose interface is gone. */
  record DeadEndpoint(Endpoint endpoint) implements Suspect {
    @Override
    public LeakKind kind() {
      return LeakKind.DEAD_ENDPOINT;
    }

    @Override
    public String key() {
      return "endpoint:" + endpoint.container() + "/" + endpoint.id();
    }

    @Override
    public String subject() {
      return endpoint.attachment().map(a -> "attachment " + a).orElse("container " + endpoint.container());
    }

    @Override
    public String reason() {
      return "its interface " + endpoint.interfaceName() + " is gone, and with it the container's network namespace";
    }
  }

  /** One of our interfaces that no endpoint record names. */
  record OrphanInterface(InterfaceName name) implements Suspect {
    @Override
    public LeakKind kind() {
      return LeakKind.ORPHAN_INTERFACE;
    }

    @Override
    public String key() {
      return "interface:" + name;
    }

    @Override
    public String subject() {
      return name.value();
    }

    @Override
    public String reason() {
      return "no endpoint of this host names it: an isolate or ADD cut short before its record, or a record removed by hand";
    }
  }

  /** A net-modules uid holding addresses of this host that no endpoint names. */
  record PendingAllocation(HandleHoldings holdings) implements Suspect {
    @Override
    public LeakKind kind() {
      return LeakKind.PENDING_ALLOCATION;
    }

    @Override
    public String key() {
      return "allocation:" + holdings.handle();
    }

    @Override
    public String subject() {
      return "uid " + holdings.handle();
    }

    @Override
    public String reason() {
      return "it holds " + holdings.addresses().stream().map(IPAddress::toCanonicalString).toList()
          + " and no endpoint of this host uses them: allocated, never isolated";
    }
  }

  /** A handle record counting more than the blocks of this host hold for it. */
  record StaleHandleCount(HandleHoldings holdings, Set<IPAddress> blocks) implements Suspect {
    @Override
    public LeakKind kind() {
      return LeakKind.STALE_HANDLE_COUNT;
    }

    /** With the record's revision: a record written since is judged afresh. */
    @Override
    public String key() {
      return "handle-count:" + holdings.handle() + "@" + holdings.record().orElseThrow().revision();
    }

    @Override
    public String subject() {
      return "uid " + holdings.handle();
    }

    @Override
    public String reason() {
      return "its handle record counts " + holdings.counted() + " but the blocks hold " + holdings.held()
          + ": a request cut short between its block write and its handle write";
    }
  }

  /** A host port claim no endpoint record of this host holds, or that cannot be read. */
  record StalePortClaim(PortClaimKey port, Entry claim, Optional<PortClaim> holder) implements Suspect {
    @Override
    public LeakKind kind() {
      return LeakKind.STALE_PORT_CLAIM;
    }

    /** With the claim's revision: a claim made again since is judged afresh. */
    @Override
    public String key() {
      return "port-claim:" + port.protocol().keyword() + "/" + port.port() + "@" + claim.revision();
    }

    @Override
    public String subject() {
      return "host port " + port.protocol().keyword() + " " + port.port();
    }

    @Override
    public String reason() {
      return holder.map(h -> "it is claimed for container " + h.container() + ", endpoint " + h.endpoint()
          + ", which has no endpoint record on this host: an ADD cut short before its record, or a DEL after it")
          .orElse("its claim cannot be read, so no endpoint can be shown to hold it");
    }
  }
}
