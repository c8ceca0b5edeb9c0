package org.calicomesos.app.cni;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.FailureKind;
import org.calicomesos.app.pipeline.PluginProtocol;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestRefusedException;

/**
 * The CNI protocol (spec 0.1.0 to 1.1.0) as the request pipeline sees it: the verb in {@code CNI_COMMAND} and the
 * other {@code CNI_*} variables, the network configuration on stdin, a result or nothing on stdout, and on failure
 * an error object with a code ({@link CniErrorCode}) and a failing exit status. Two plugins speak it: the main
 * plugin ({@value #NAME}) and the standalone IPAM plugin {@code calico-mesos-ipam} ({@value #IPAM_NAME}).
 *
 * <p>The configuration is read from three places, the first that sets a variable winning: the network
 * configuration's settings ({@link CalicoSettings}), the caller's environment, the host's defaults file.
 */
public final class CniProtocol implements PluginProtocol {
  public static final String NAME = "cni";
  public static final String IPAM_NAME = "cni-ipam";
  /** Where the host's settings are when the runtime passes none (systemd EnvironmentFile syntax). */
  public static final Path DEFAULTS_FILE = Path.of("/etc/default/calico-mesos");
  /** Network configurations are a few kilobytes; a conflist's prevResult stays far below this. */
  public static final int MAX_REQUEST_BYTES = NetworkConfig.MAX_REQUEST_BYTES;

  private static final Set<String> VARIABLES = Set.of(CniEnvironment.COMMAND, CniEnvironment.CONTAINER_ID,
      CniEnvironment.NETNS, CniEnvironment.IFNAME, CniEnvironment.ARGS, CniEnvironment.PLUGIN_PATH);

  private final String name;
  private final Path defaultsFile;
  private final CniRequestReader reader;

  private CniProtocol(String name, Path defaultsFile, boolean ipamPlugin) {
    this.name = name;
    this.defaultsFile = defaultsFile;
    this.reader = new CniRequestReader(ipamPlugin);
  }

  /** The main plugin, which attaches containers. */
  public static CniProtocol plugin(Path defaultsFile) {
    return new CniProtocol(NAME, defaultsFile, false);
  }

  /** The IPAM plugin {@code calico-mesos-ipam}, which other main plugins (ptp, bridge) call for addresses. */
  public static CniProtocol ipam(Path defaultsFile) {
    return new CniProtocol(IPAM_NAME, defaultsFile, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int maxRequestBytes() {
    return MAX_REQUEST_BYTES;
  }

  @Override
  public boolean readsVariable(String variable) {
    return VARIABLES.contains(variable);
  }

  /**
   * Reads the whole request first, so that one that would be refused is refused here, before anything is built;
   * VERSION needs no configuration and gets the caller's environment as it is.
   */
  @Override
  public Map<String, String> configurationEnvironment(PluginRequest request) {
    try {
      CniRequest read = reader.read(request.environment(), request.stdin());
      if (read instanceof CniRequest.Version) {
        return request.environment();
      }
      Map<String, String> settings = CalicoSettings.of(NetworkConfig.decode(request.stdin()).root());
      Map<String, String> environment = new HashMap<>(DefaultsFile.read(defaultsFile));
      environment.putAll(request.environment());
      environment.putAll(settings);
      return environment;
    } catch (RuntimeException refusal) {
      // Anything else here would be a bug; it is still answered as an error object, never thrown at the pipeline.
      throw new RequestRefusedException(CniResponses.error(versionOf(request), CniFailures.codeOf(refusal, null),
          ErrorSentences.describe(refusal, "the log")));
    }
  }

  @Override
  public PluginResponse error(PluginRequest request, FailureKind kind, String sentence) {
    return CniResponses.error(versionOf(request), codeOf(request, kind), sentence);
  }

  private static CniErrorCode codeOf(PluginRequest request, FailureKind kind) {
    switch (kind) {
      case CONFIGURATION:
        return CniErrorCode.INVALID_NETWORK_CONFIG;
      case REFUSED_INPUT:
        return CniErrorCode.DECODING_FAILED;
      case DEADLINE:
      case DATASTORE_UNAVAILABLE:
        return isStatus(request) ? CniErrorCode.PLUGIN_NOT_AVAILABLE : CniErrorCode.TRY_AGAIN_LATER;
      default:
        return CniErrorCode.INTERNAL;
    }
  }

  private static boolean isStatus(PluginRequest request) {
    try {
      return CniCommand.of(request.environment().get(CniEnvironment.COMMAND)) == CniCommand.STATUS;
    } catch (CniRequestException notACommand) {
      return false;
    }
  }

  private static CniVersion versionOf(PluginRequest request) {
    return Optional.ofNullable(request.stdin()).flatMap(NetworkConfig::versionOf).orElse(CniVersion.LATEST);
  }
}
