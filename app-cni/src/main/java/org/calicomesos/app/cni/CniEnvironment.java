package org.calicomesos.app.cni;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.InvalidRequestException;

/** The {@code CNI_*} variables a runtime sets, each validated as the value it names; a bad one is code 4. */
final class CniEnvironment {
  static final String COMMAND = "CNI_COMMAND";
  static final String CONTAINER_ID = "CNI_CONTAINERID";
  static final String NETNS = "CNI_NETNS";
  static final String IFNAME = "CNI_IFNAME";
  static final String ARGS = "CNI_ARGS";
  static final String PLUGIN_PATH = "CNI_PATH";

  private final Map<String, String> environment;

  CniEnvironment(Map<String, String> environment) {
    this.environment = environment;
  }

  CniCommand command() {
    return CniCommand.of(environment.get(COMMAND));
  }

  ContainerId containerId() {
    return required(CONTAINER_ID, ContainerId::new);
  }

  InterfaceName ifname() {
    return required(IFNAME, InterfaceName::new);
  }

  NetworkNamespace.AtPath namespace() {
    return required(NETNS, NetworkNamespace.AtPath::new);
  }

  /** DEL goes by the attachment's id alone; a namespace it is given is still checked, since it came from the caller. */
  Optional<NetworkNamespace.AtPath> optionalNamespace() {
    return value(NETNS).isEmpty() ? Optional.empty() : Optional.of(namespace());
  }

  CniArgs args() {
    return CniArgs.parse(environment.get(ARGS));
  }

  private <T> T required(String variable, Function<String, T> type) {
    String value = value(variable).orElseThrow(() -> new CniRequestException(CniErrorCode.INVALID_ENVIRONMENT,
        variable + " is not set"));
    try {
      return type.apply(value);
    } catch (InvalidRequestException e) {
      throw new CniRequestException(CniErrorCode.INVALID_ENVIRONMENT, variable + ": " + e.getMessage());
    }
  }

  private Optional<String> value(String variable) {
    String value = environment.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
