package org.calicomesos.app.mesos;

import org.calicomesos.ports.model.Excerpt;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.IpFamily;

/**
 * The legacy static-IP label {@code ipv4_addrs} (net-modules allocate, CNI ADD), e.g. {@code ["10.0.0.5"]} (JSON) or
 * {@code ['10.0.0.5']} (the Python text the original accepted). The original ran it through {@code eval()};
 * here it is data: only a flat list of quoted address strings matches, anything else is refused.
 */
public final class StaticAddressLabel {
  public static final String KEY = "ipv4_addrs";

  // One quoted address, in double or single quotes; the characters an IPv4 or IPv6 address can hold, so
  // no escape sequence, nesting or expression can ever appear inside.
  private static final String ITEM = "(?:\"([0-9A-Fa-f.:]{1,45})\"|'([0-9A-Fa-f.:]{1,45})')";
  private static final Pattern LIST = Pattern.compile("\\s*\\[\\s*(?:" + ITEM + "(?:\\s*,\\s*" + ITEM + ")*)?\\s*]\\s*");
  private static final Pattern ONE = Pattern.compile(ITEM);

  private StaticAddressLabel() {}

  /** The addresses the label names (none when the label is absent). */
  public static List<IPAddress> parse(TaskLabels labels) {
    return labels.get(KEY).map(StaticAddressLabel::parse).orElse(List.of());
  }

  public static List<IPAddress> parse(String value) {
    if (!LIST.matcher(value).matches()) {
      throw new InvalidRequestException("label " + KEY + " must be a list of quoted IPv4 addresses such as "
          + "[\"10.0.0.5\"], got '" + Excerpt.of(value) + "'");
    }
    List<IPAddress> addresses = new ArrayList<>();
    Matcher item = ONE.matcher(value);
    while (item.find()) {
      if (addresses.size() == AllocateCommand.MAX_PER_FAMILY) {
        throw new InvalidRequestException("label " + KEY + " names more than " + AllocateCommand.MAX_PER_FAMILY + " addresses");
      }
      String text = item.group(1) != null ? item.group(1) : item.group(2);
      addresses.add(Addresses.parseAddress("label " + KEY, text, IpFamily.V4));
    }
    return addresses;
  }
}
