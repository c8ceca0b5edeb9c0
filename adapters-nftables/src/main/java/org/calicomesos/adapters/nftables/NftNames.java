package org.calicomesos.adapters.nftables;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.PolicyName;
import org.calicomesos.ports.policy.selector.Selector;

/**
 * The names of the objects in our table, derived so that no datastore text ever reaches the script.
 *
 * <p>Interface names are validated {@link InterfaceName}s (letters, digits, '_', '.', '-'), which nft reads as they
 * are both quoted and inside a chain name. A tag is arbitrary text: a tag that is already a short lower-case word
 * keeps it ({@code tag4_prod}, {@code tag6_prod}); any other becomes 24 hex digits of the SHA-256 of its UTF-8 bytes
 * ({@code tagh4_…}). The fourth character of a readable set name is the family digit and of a hashed one 'h', so a
 * readable name never equals a hashed one. A selector is arbitrary text too and is always hashed ({@code sel4_…}).
 *
 * <p>A network policy has one chain per direction, shared by every endpoint it applies to: {@code pi_<name>} for
 * ingress, {@code po_<name>} for egress. Policy names are DNS subdomains ({@code [a-z0-9.-]}), safe in a chain name;
 * one that would make the chain name longer than 31 characters becomes {@code pih_}/{@code poh_} and 24 hex digits of
 * its SHA-256. This kernel takes chain names of up to 255 characters, but kernels before 4.16 took 31
 * ({@code NFT_CHAIN_MAXNAMELEN} 32 with the NUL), and a short name keeps listings readable. A readable name never has
 * an 'h' before its '_' and a policy name has no '_', so the two never meet.
 *
 * <p>The endpoints that apply the same policies in the same order in a direction share one chain that runs them
 * ({@link PolicyListChains}): {@code pli_} for ingress, {@code ple_} for egress, and 24 hex digits of the SHA-256 of
 * the names joined by spaces (which no policy name holds), 28 characters in all.
 *
 * <p>Endpoint chains are {@code from_<interface>} and {@code to_<interface>}; the dispatch and NAT chains have names
 * that start otherwise, because "workload" is a valid interface name too. A per-family name ends in its digit
 * ({@link #ofFamily}).
 */
final class NftNames {
  static final String ENDPOINT_INTERFACES = "endpoint_interfaces";
  /** {@code endpoint_sources4}, {@code endpoint_sources6}: interface . address pairs an endpoint may send from. */
  static final String ENDPOINT_SOURCES = "endpoint_sources";
  static final String FROM_ENDPOINT_MAP = "from_endpoint";
  static final String TO_ENDPOINT_MAP = "to_endpoint";
  static final String DISPATCH_FROM_WORKLOAD = "dispatch_from_workload";
  static final String DISPATCH_TO_WORKLOAD = "dispatch_to_workload";
  /** {@code nat_pools4}, {@code nat_pools6}: every pool's CIDR; traffic to them is never masqueraded. */
  static final String NAT_POOLS = "nat_pools";
  /** {@code nat_outgoing4}, {@code nat_outgoing6}: the CIDRs of the pools whose endpoints are masqueraded. */
  static final String NAT_OUTGOING = "nat_outgoing";
  /** {@code port_dnat4}, {@code port_dnat6}: protocol . host port to container address . container port. */
  static final String PORT_DNAT = "port_dnat";
  /** {@code mapped_ports4}, {@code mapped_ports6}: container address . protocol . container port, admitted. */
  static final String MAPPED_PORTS = "mapped_ports";
  /** {@code hairpin4}, {@code hairpin6}: source . destination pairs of a container reaching itself by a mapping. */
  static final String HAIRPIN = "hairpin";
  static final String NAT_PREROUTING = "nat_prerouting";
  static final String NAT_OUTPUT = "nat_output";
  static final String NAT_POSTROUTING = "nat_postrouting";

  private static final Pattern READABLE_TAG = Pattern.compile("[a-z0-9][a-z0-9_]{0,31}");
  private static final int HASH_HEX_DIGITS = 24;
  private static final int MAX_CHAIN_NAME = 31;

  private NftNames() {}

  /** The name of a tag's set of one family: {@code tag4_prod}, {@code tagh6_<24 hex digits>}. */
  static String tagSet(String tag, NftFamily family) {
    return READABLE_TAG.matcher(tag).matches()
        ? "tag" + family.digit() + "_" + tag
        : "tagh" + family.digit() + "_" + digest(tag);
  }

  /** The name of a selector's set of one family: {@code sel4_<24 hex digits>}. */
  static String selectorSet(Selector selector, NftFamily family) {
    return "sel" + family.digit() + "_" + digest(selector.text());
  }

  /** The chain of a policy's ingress rules: {@code pi_<name>}, or {@code pih_<24 hex digits>} if too long. */
  static String ingressPolicyChain(PolicyName policy) {
    return policyChain("pi", policy);
  }

  /** The chain of a policy's egress rules: {@code po_<name>}, or {@code poh_<24 hex digits>} if too long. */
  static String egressPolicyChain(PolicyName policy) {
    return policyChain("po", policy);
  }

  /** The chain that runs the ingress policies {@code policies} in order: {@code pli_<24 hex digits>}. */
  static String ingressListChain(List<PolicyName> policies) {
    return "pli_" + digest(joined(policies));
  }

  /** The chain that runs the egress policies {@code policies} in order: {@code ple_<24 hex digits>}. */
  static String egressListChain(List<PolicyName> policies) {
    return "ple_" + digest(joined(policies));
  }

  private static String joined(List<PolicyName> policies) {
    return policies.stream().map(PolicyName::value).collect(Collectors.joining(" "));
  }

  private static String policyChain(String prefix, PolicyName policy) {
    String readable = prefix + "_" + policy.value();
    return readable.length() <= MAX_CHAIN_NAME ? readable : prefix + "h_" + digest(policy.value());
  }

  /** {@code nat_pools4}: one of the names above for one family. */
  static String ofFamily(String name, NftFamily family) {
    return name + family.digit();
  }

  /** The chain holding an endpoint's outbound rules (traffic the container sends). */
  static String fromChain(InterfaceName hostInterface) {
    return "from_" + hostInterface.value();
  }

  /** The chain holding an endpoint's inbound rules (traffic to the container). */
  static String toChain(InterfaceName hostInterface) {
    return "to_" + hostInterface.value();
  }

  static String quoted(InterfaceName hostInterface) {
    return "\"" + hostInterface.value() + "\"";
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, HASH_HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
