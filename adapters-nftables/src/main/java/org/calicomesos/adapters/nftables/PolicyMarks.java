package org.calicomesos.adapters.nftables;

/**
 * The two packet mark bits by which a policy chain tells the list chain that jumped to it what it decided, and the
 * list chain the endpoint chain ({@link PolicyListChains}): {@code 0x01000000} "allowed" and {@code 0x02000000}
 * "passed" (to the profiles). A jump cannot return a verdict other than drop, so the chain sets a bit and returns.
 * The endpoint chain clears both bits before it jumps to its list (a packet may come with them set) and clears each
 * again before it returns, so no mark of ours reaches other software. Only these two bits are ever touched: other
 * software's bits pass through unchanged.
 */
final class PolicyMarks {
  static final String ALLOWED = "0x01000000";
  static final String PASSED = "0x02000000";
  private static final String NOT_ALLOWED = "0xfeffffff";
  private static final String NOT_PASSED = "0xfdffffff";
  private static final String NEITHER = "0xfcffffff";

  private PolicyMarks() {}

  /** A policy rule's allow: set the bit, back to the endpoint chain. */
  static String allow() {
    return "meta mark set meta mark | " + ALLOWED + " return";
  }

  /** A policy rule's pass: set the bit, back to the endpoint chain. */
  static String pass() {
    return "meta mark set meta mark | " + PASSED + " return";
  }

  /** In a list chain, after each policy: what it allowed goes back to the endpoint chain, the bit still set. */
  static String backIfAllowed() {
    return "meta mark & " + ALLOWED + " == " + ALLOWED + " return";
  }

  /** The endpoint chain's first statement when policies apply. */
  static String clearBoth() {
    return "meta mark set meta mark & " + NEITHER;
  }

  /** In the endpoint chain, after its list: what a policy allowed leaves it admitted, the bit cleared. */
  static String returnIfAllowed() {
    return "meta mark & " + ALLOWED + " == " + ALLOWED + " meta mark set meta mark & " + NOT_ALLOWED + " return";
  }

  /** {@code statement}, only for a packet no policy passed (so far). */
  static String unlessPassed(String statement) {
    return "meta mark & " + PASSED + " == 0x00000000 " + statement;
  }

  /** Once the policies are done and the packet passed, on to the profiles without the bit. */
  static String clearPassed() {
    return "meta mark set meta mark & " + NOT_PASSED;
  }
}
