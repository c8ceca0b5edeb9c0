package org.calicomesos.adapters.nftables;

/** Builds nft script text: one statement per line, blocks indented, every closing brace on a line of its own. */
final class ScriptWriter {
  private final StringBuilder text = new StringBuilder(4096);
  private int depth;

  ScriptWriter line(String statement) {
    text.append("  ".repeat(depth)).append(statement).append('\n');
    return this;
  }

  /** {@code header {}}, then what follows is inside until {@link #close()}. */
  ScriptWriter open(String header) {
    line(header + " {");
    depth++;
    return this;
  }

  // nft 1.0.6 wants a newline or ';' before a block's '}': "accept }" is a syntax error.
  ScriptWriter close() {
    depth--;
    return line("}");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
