package org.calicomesos.app.admin.output;

/** A count with its noun in the right number, for sentences: "1 pool", "3 addresses". */
public final class Quantity {
  private Quantity() {}

  public static String of(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
