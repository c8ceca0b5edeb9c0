package org.calicomesos.app.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;

/** A protocol of the tests' own, named {@code test-protocol}: its limit, its variables and its error form are theirs. */
public final class TestProtocol implements PluginProtocol {
  private final int maxRequestBytes;
  private final Predicate<String> reads;
  private final Function<String, String> errorForm;

  public TestProtocol(int maxRequestBytes, Predicate<String> reads, Function<String, String> errorForm) {
    this.maxRequestBytes = maxRequestBytes;
    this.reads = reads;
    this.errorForm = errorForm;
  }

  @Override
  public String name() {
    return "test-protocol";
  }

  @Override
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  @Override
  public boolean readsVariable(String variable) {
    return reads.test(variable);
  }

  @Override
  public PluginResponse error(PluginRequest request, FailureKind kind, String sentence) {
    return new PluginResponse(errorForm.apply(sentence).getBytes(StandardCharsets.UTF_8), false, sentence);
  }
}
