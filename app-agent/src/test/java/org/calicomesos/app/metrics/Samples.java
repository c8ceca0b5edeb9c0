package org.calicomesos.app.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The sample lines of the Prometheus text format, series (name and labels) to value, for assertions. */
final class Samples {
  private Samples() {}

  static Map<String, String> parse(String text) {
    Map<String, String> samples = new TreeMap<>();
    text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), line.substring(space + 1));
    });
    return samples;
  }

  /** What a scrape of {@code registry} would show, without a server. */
  static Map<String, String> of(PrometheusRegistry registry) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(text, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(text.toString(StandardCharsets.UTF_8));
  }
}
