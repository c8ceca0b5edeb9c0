package org.calicomesos.core.ipam;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;

/**
 * One block of a pool, as Calico stores it: per ordinal the index of its attribute (or null when free),
 * the free ordinals in the order they will be handed out (freed ones go to the tail, so an address is
 * reused as late as possible), and the attributes. Immutable: every change returns a new block with
 * its sequence number advanced.
 */
record AllocationBlock(
    IPAddress cidr,
    Optional<String> affinity,
    boolean strictAffinity,
    List<Integer> allocations,
    List<Integer> unallocated,
    List<AllocationAttribute> attributes,
    long sequenceNumber) {

  private static final String HOST_PREFIX = "host:";

  AllocationBlock {
    allocations = java.util.Collections.unmodifiableList(new ArrayList<>(allocations));
    unallocated = List.copyOf(unallocated);
    attributes = List.copyOf(attributes);
  }

  /** A new, empty block affine to {@code node}. */
  static AllocationBlock empty(IPAddress cidr, NodeName node, boolean strictAffinity) {
    int size = sizeOf(cidr);
    List<Integer> free = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      free.add(i);
    }
    return new AllocationBlock(cidr, Optional.of(HOST_PREFIX + node.value()), strictAffinity,
        Arrays.asList(new Integer[size]), free, List.of(), 0);
  }

  static int sizeOf(IPAddress cidr) {
    return cidr.getCount().intValueExact();
  }

  /** The host this block is affine to, if any. */
  Optional<NodeName> affineHost() {
    return affinity.filter(a -> a.startsWith(HOST_PREFIX)).map(a -> new NodeName(a.substring(HOST_PREFIX.length())));
  }

  boolean affineTo(NodeName node) {
    return affinity.isPresent() && affinity.get().equals(HOST_PREFIX + node.value());
  }

  int size() {
    return allocations.size();
  }

  int free() {
    return unallocated.size();
  }

  int allocated() {
    return size() - free();
  }

  IPAddress addressAt(int ordinal) {
    return cidr.getLower().withoutPrefixLength().increment(ordinal);
  }

  /** The ordinal of {@code address}; it must lie in this block. */
  int ordinalOf(IPAddress address) {
    return address.getValue().subtract(cidr.getLower().getValue()).intValueExact();
  }

  boolean contains(IPAddress address) {
    return cidr.contains(address);
  }

  /** Who holds the ordinal; empty when it is free. */
  Optional<AllocationAttribute> holder(int ordinal) {
    Integer index = allocations.get(ordinal);
    return index == null ? Optional.empty() : Optional.of(attributes.get(index));
  }

  /** Ordinals whose holder is {@code handle}. */
  List<Integer> ordinalsHeldBy(HandleId handle) {
    List<Integer> held = new ArrayList<>();
    for (int ordinal = 0; ordinal < size(); ordinal++) {
      Integer index = allocations.get(ordinal);
      if (index != null && attributes.get(index).heldBy(handle)) {
        held.add(ordinal);
      }
    }
    return held;
  }

  /** Gives the first {@code count} free ordinals (at most {@link #free()}) to {@code holder}. */
  Assignment assign(int count, AllocationAttribute holder) {
    int taking = Math.min(count, free());
    List<Integer> ordinals = unallocated.subList(0, taking);
    List<AllocationAttribute> newAttributes = new ArrayList<>(attributes);
    int index = indexOf(newAttributes, holder);
    List<Integer> newAllocations = new ArrayList<>(allocations);
    List<IPAddress> addresses = new ArrayList<>(taking);
    for (int ordinal : ordinals) {
      newAllocations.set(ordinal, index);
      addresses.add(addressAt(ordinal));
    }
    AllocationBlock next = new AllocationBlock(cidr, affinity, strictAffinity, newAllocations,
        unallocated.subList(taking, unallocated.size()), newAttributes, sequenceNumber + 1);
    return new Assignment(next, addresses);
  }

  /** Gives one particular free ordinal to {@code holder}. */
  AllocationBlock assignOrdinal(int ordinal, AllocationAttribute holder) {
    if (allocations.get(ordinal) != null) {
      throw new IllegalStateException("ordinal " + ordinal + " of block " + cidr + " is not free");
    }
    List<AllocationAttribute> newAttributes = new ArrayList<>(attributes);
    List<Integer> newAllocations = new ArrayList<>(allocations);
    newAllocations.set(ordinal, indexOf(newAttributes, holder));
    List<Integer> newFree = new ArrayList<>(unallocated);
    newFree.remove(Integer.valueOf(ordinal));
    return new AllocationBlock(cidr, affinity, strictAffinity, newAllocations, newFree, newAttributes, sequenceNumber + 1);
  }

  /** Frees the given held ordinals; attributes no ordinal refers to any more are dropped. */
  AllocationBlock release(Set<Integer> ordinals) {
    List<Integer> newAllocations = new ArrayList<>(allocations);
    List<Integer> newFree = new ArrayList<>(unallocated);
    for (int ordinal : ordinals) {
      if (newAllocations.get(ordinal) != null) {
        newAllocations.set(ordinal, null);
        newFree.add(ordinal);
      }
    }
    return compactAttributes(newAllocations, newFree);
  }

  /** The same block affine to nobody (its host gave it up). */
  AllocationBlock withoutAffinity() {
    return new AllocationBlock(cidr, Optional.empty(), strictAffinity, allocations, unallocated, attributes, sequenceNumber + 1);
  }

  private AllocationBlock compactAttributes(List<Integer> newAllocations, List<Integer> newFree) {
    Map<Integer, Integer> renumbered = new LinkedHashMap<>();
    List<AllocationAttribute> kept = new ArrayList<>();
    for (int ordinal = 0; ordinal < newAllocations.size(); ordinal++) {
      Integer old = newAllocations.get(ordinal);
      if (old != null) {
        Integer now = renumbered.get(old);
        if (now == null) {
          now = kept.size();
          renumbered.put(old, now);
          kept.add(attributes.get(old));
        }
        newAllocations.set(ordinal, now);
      }
    }
    return new AllocationBlock(cidr, affinity, strictAffinity, newAllocations, newFree, kept, sequenceNumber + 1);
  }

  private static int indexOf(List<AllocationAttribute> attributes, AllocationAttribute holder) {
    int index = attributes.indexOf(holder);
    if (index < 0) {
      attributes.add(holder);
      index = attributes.size() - 1;
    }
    return index;
  }

  /** A block after an assignment, and the addresses assigned. */
  record Assignment(AllocationBlock block, List<IPAddress> addresses) {}
}
