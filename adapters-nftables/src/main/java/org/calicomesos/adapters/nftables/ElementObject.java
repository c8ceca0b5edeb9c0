package org.calicomesos.adapters.nftables;

import java.util.List;

/**
 * A set or map of our table that never changes but for its elements: {@code kind} "set" or "map", its name, the
 * lines that declare it ({@code type …}, {@code flags …}) and its elements for one policy, without repeats. The
 * whole-table script declares it with them; an update adds and deletes elements only.
 */
record ElementObject(String kind, String name, List<String> declaration, List<String> elements) {
  ElementObject {
    declaration = List.copyOf(declaration);
    elements = elements.stream().distinct().toList();
  }

  /** How {@code delete element} names an element: a map's by its key, a set's as it is. */
  String keyOf(String element) {
    int value = element.indexOf(" : ");
    return kind.equals("map") && value >= 0 ? element.substring(0, value) : element;
  }
}
