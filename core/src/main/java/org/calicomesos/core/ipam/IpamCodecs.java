package org.calicomesos.core.ipam;

import org.calicomesos.core.json.JsonTree;
import org.calicomesos.core.json.TreeCodec;
import static org.calicomesos.core.json.Fields.array;
import static org.calicomesos.core.json.Fields.integer;
import static org.calicomesos.core.json.Fields.text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.Excerpt;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;

/**
 * JSON forms of the IPAM records, field for field as Calico's libcalico-go writes them, so an operator
 * who knows Calico's datastore can read ours. Trees go through {@link JsonTree}: no reflection, quick to start.
 */
final class IpamCodecs {
  static final Codec<AllocationBlock> BLOCK = TreeCodec.of(IpamCodecs::decodeBlock, IpamCodecs::encodeBlock);
  static final Codec<Handle> HANDLE = TreeCodec.of(IpamCodecs::decodeHandle, IpamCodecs::encodeHandle);
  static final Codec<Affinity> AFFINITY = TreeCodec.of(IpamCodecs::decodeAffinity, IpamCodecs::encodeAffinity);
  static final Codec<PoolRecord> POOL = TreeCodec.of(IpamCodecs::decodePool, IpamCodecs::encodePool);

  private IpamCodecs() {}

  private static AllocationBlock decodeBlock(JsonNode node) {
    IPAddress cidr = Addresses.parseCidr("cidr", text(node, "cidr"));
    int size = AllocationBlock.sizeOf(cidr);
    List<Integer> allocations = new ArrayList<>(size);
    for (JsonNode slot : array(node, "allocations")) {
      allocations.add(slot.isNull() ? null : integer(slot, "allocations"));
    }
    List<Integer> unallocated = new ArrayList<>();
    for (JsonNode slot : array(node, "unallocated")) {
      unallocated.add(integer(slot, "unallocated"));
    }
    List<AllocationAttribute> attributes = new ArrayList<>();
    for (JsonNode attribute : array(node, "attributes")) {
      JsonNode handle = attribute.path("handle_id");
      Map<String, String> secondary = new LinkedHashMap<>();
      attribute.path("secondary").fields().forEachRemaining(e -> secondary.put(e.getKey(), e.getValue().asText()));
      attributes.add(new AllocationAttribute(
          handle.isTextual() ? Optional.of(new HandleId(handle.asText())) : Optional.empty(), secondary));
    }
    if (allocations.size() != size) {
      throw new IllegalArgumentException("block " + cidr + " has " + allocations.size() + " allocation slots, not " + size);
    }
    JsonNode affinity = node.path("affinity");
    return new AllocationBlock(cidr, affinity.isTextual() ? Optional.of(affinity.asText()) : Optional.empty(),
        node.path("strictAffinity").asBoolean(false), allocations, unallocated, attributes,
        node.path("sequenceNumber").asLong(0));
  }

  private static JsonNode encodeBlock(AllocationBlock block) {
    ObjectNode node = JsonTree.object();
    node.put("cidr", block.cidr().toCanonicalString());
    if (block.affinity().isPresent()) {
      node.put("affinity", block.affinity().get());
    } else {
      node.putNull("affinity");
    }
    node.put("strictAffinity", block.strictAffinity());
    ArrayNode allocations = node.putArray("allocations");
    block.allocations().forEach(index -> {
      if (index == null) {
        allocations.addNull();
      } else {
        allocations.add(index);
      }
    });
    ArrayNode unallocated = node.putArray("unallocated");
    block.unallocated().forEach(unallocated::add);
    ArrayNode attributes = node.putArray("attributes");
    for (AllocationAttribute attribute : block.attributes()) {
      ObjectNode a = attributes.addObject();
      if (attribute.handle().isPresent()) {
        a.put("handle_id", attribute.handle().get().value());
      } else {
        a.putNull("handle_id");
      }
      ObjectNode secondary = a.putObject("secondary");
      attribute.secondary().forEach(secondary::put);
    }
    node.put("deleted", false);
    node.put("sequenceNumber", block.sequenceNumber());
    return node;
  }

  private static Handle decodeHandle(JsonNode node) {
    Map<IPAddress, Integer> blocks = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.path("block").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      blocks.put(Addresses.parseCidr("block", field.getKey()), integer(field.getValue(), "block"));
    }
    return new Handle(new HandleId(text(node, "handleID")), blocks);
  }

  private static JsonNode encodeHandle(Handle handle) {
    ObjectNode node = JsonTree.object();
    node.put("handleID", handle.id().value());
    ObjectNode blocks = node.putObject("block");
    handle.blocks().forEach((cidr, count) -> blocks.put(cidr.toCanonicalString(), count));
    node.put("deleted", false);
    return node;
  }

  private static Affinity decodeAffinity(JsonNode node) {
    return "confirmed".equals(text(node, "state")) ? Affinity.CONFIRMED : Affinity.PENDING;
  }

  private static JsonNode encodeAffinity(Affinity affinity) {
    ObjectNode node = JsonTree.object();
    node.put("state", affinity.state() == Affinity.State.CONFIRMED ? "confirmed" : "pending");
    node.put("deleted", false);
    return node;
  }

  private static PoolRecord decodePool(JsonNode node) {
    Pool pool = new Pool(Addresses.parseCidr("cidr", text(node, "cidr")), integer(node.path("blockSize"), "blockSize"),
        node.path("strictAffinity").asBoolean(false), encapsulation(node), node.path("masquerade").asBoolean(false));
    return new PoolRecord(pool, node.path("disabled").asBoolean(false));
  }

  /** Absent (pools written before encapsulation existed) means none. */
  private static Encapsulation encapsulation(JsonNode node) {
    if (!node.has("encapsulation")) {
      return Encapsulation.NONE;
    }
    String setting = text(node, "encapsulation");
    return Encapsulation.ofSetting(setting).orElseThrow(() -> new IllegalArgumentException(
        "encapsulation '" + Excerpt.of(setting) + "' is not one of none, vxlan"));
  }

  private static JsonNode encodePool(PoolRecord record) {
    ObjectNode node = JsonTree.object();
    node.put("cidr", record.pool().cidr().toCanonicalString());
    node.put("blockSize", record.pool().blockPrefixLength());
    node.put("strictAffinity", record.pool().strictAffinity());
    if (record.pool().encapsulated()) {
      node.put("encapsulation", record.pool().encapsulation().setting());
    }
    node.put("masquerade", record.pool().natOutgoing()); // Calico v1's name for NAT outgoing
    node.put("disabled", record.disabled());
    return node;
  }
}
