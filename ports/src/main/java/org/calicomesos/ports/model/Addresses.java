package org.calicomesos.ports.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.AddressStringParameters.RangeParameters;

/** Parses request text into addresses and CIDRs, with messages that name the field. */
public final class Addresses {
  // Plain dotted-quad and RFC 4291 text only: no wildcards, ranges, masks, zones or inet_aton forms
  // ("10.1" or "0x0a000001"), so an address means exactly what an operator reads.
  private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
      .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false)
      .allowPrefixOnly(false).allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE)
      .allow_inet_aton(false)
      .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false).getParentBuilder()
      .getIPv6AddressParametersBuilder().allowZone(false).allowBase85(false).allowBinary(false).getParentBuilder()
      .toParams();

  private Addresses() {}

  /** A single address (no prefix length) of the given family. */
  public static IPAddress parseAddress(String field, String text, IpFamily family) {
    IPAddress address = parse(field, text);
    if (address.isPrefixed()) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' must be a single address, not a CIDR");
    }
    if (IpFamily.of(address) != family) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' is an "
          + IpFamily.of(address).displayName() + " address; " + family.displayName() + " expected");
    }
    return address;
  }

  /** A single address of either family. */
  public static IPAddress parseAnyAddress(String field, String text) {
    IPAddress address = parse(field, text);
    if (address.isPrefixed()) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' must be a single address, not a CIDR");
    }
    return address;
  }

  /** A network in CIDR form whose host bits are zero, e.g. {@code 10.0.0.0/16}. */
  public static IPAddress parseCidr(String field, String text) {
    IPAddress cidr = parse(field, text);
    if (!cidr.isPrefixed()) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' must be a CIDR such as 10.0.0.0/16");
    }
    if (!cidr.isPrefixBlock()) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text)
          + "' has host bits set; did you mean " + cidr.toPrefixBlock().toCanonicalString() + "?");
    }
    return cidr.toPrefixBlock();
  }

  /** A CIDR as {@link #parseCidr} reads it, or a single address, meaning just that address ({@code /32}, {@code /128}). */
  public static IPAddress parseNet(String field, String text) {
    IPAddress net = parse(field, text);
    if (!net.isPrefixed()) {
      return net.setPrefixLength(net.getBitCount(), false);
    }
    return parseCidr(field, text);
  }

  private static IPAddress parse(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException(field + " is missing");
    }
    try {
      return new IPAddressString(text.trim(), STRICT).toAddress();
    } catch (AddressStringException | IllegalArgumentException e) {
      throw new InvalidRequestException(field + " '" + Excerpt.of(text) + "' is not an IP address");
    }
  }
}
