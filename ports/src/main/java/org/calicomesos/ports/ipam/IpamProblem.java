package org.calicomesos.ports.ipam;

/** One inconsistency {@code ipam check} found: its kind, what it concerns, and a sentence saying what is wrong. */
public record IpamProblem(Kind kind, String subject, String detail) {
  /** The classes of inconsistency, after {@code calicoctl ipam check}. */
  public enum Kind {
    /** One address assigned in two blocks. */
    DUPLICATE_ADDRESS,
    /** A handle's per-block count differs from the addresses that carry it in that block. */
    HANDLE_MISMATCH,
    /** An assigned address (or a block) lies in no pool. */
    OUTSIDE_POOLS,
    /** A block and the affinity records naming it disagree, or a claim was left pending. */
    AFFINITY_MISMATCH,
    /** A block's own bookkeeping is broken (free list, attributes). */
    INVALID_BLOCK,
    /** An endpoint names an address that is free, or that another handle now holds; or its record is unreadable. */
    ENDPOINT_MISMATCH,
    /** A {@code cali*} interface on this host that no endpoint of this host names (a leftover of a cut-short isolate). */
    ORPHAN_INTERFACE,
    /** An endpoint of this host whose interface is gone: its container is gone and nothing cleaned it up. */
    DEAD_ENDPOINT,
    /** A uid's addresses on this host that no endpoint has used for longer than the collector's grace. */
    PENDING_ALLOCATION,
    /** A host port claim of this host whose endpoint record has been missing for longer than the grace. */
    STALE_PORT_CLAIM
  }
}
