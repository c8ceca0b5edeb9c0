package org.calicomesos.adapters.consul;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The JSON mapper for consul-client's KV model: consul-client's own settings (Optional support, empty
 * fields left out) without its Guava module, which the KV model does not need and every request would
 * pay to load.
 */
final class ConsulJson {
  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY);

  private ConsulJson() {}
}
