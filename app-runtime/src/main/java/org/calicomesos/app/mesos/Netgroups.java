package org.calicomesos.app.mesos;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.model.Netgroup;

/** A task's netgroups as Mesos names them ({@code NetworkInfo.groups}), each validated, at most {@value #MAX}. */
public final class Netgroups {
  public static final int MAX = 64;

  private Netgroups() {}

  /** {@code names} from the request's field {@code field}, in order. */
  public static List<Netgroup> of(String field, List<String> names) {
    if (names.size() > MAX) {
      throw new InvalidRequestException(field + " has " + names.size() + " entries; at most " + MAX + " are allowed");
    }
    List<Netgroup> netgroups = new ArrayList<>(names.size());
    for (String name : names) {
      netgroups.add(new Netgroup(name));
    }
    return netgroups;
  }

  /** A comma-separated list such as a {@code netgroup} label's {@code "web, db"}; empty items are skipped. */
  public static List<Netgroup> ofCommaList(String field, String text) {
    List<String> names = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      if (!item.isBlank()) {
        names.add(item.trim());
      }
    }
    return of(field, names);
  }
}
