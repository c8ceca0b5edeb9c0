package org.calicomesos.app.cni;

import java.util.List;
import java.util.Map;
import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.attachment.NetworkNotReadyException;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.endpoint.HostAddressUnknownException;
import org.calicomesos.ports.endpoint.HostPortTakenException;
import org.calicomesos.ports.ipam.AddressInUseException;
import org.calicomesos.ports.ipam.AddressOutsidePoolsException;
import org.calicomesos.ports.ipam.BlockAffinityException;
import org.calicomesos.ports.ipam.ContentionException;
import org.calicomesos.ports.ipam.PoolExhaustedException;
import org.calicomesos.ports.ipam.PoolNotFoundException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.model.InvalidRequestException;

/** Turns whatever a CNI request failed with into its error object ({@link CniErrorCode} lists the codes). */
final class CniFailures {
  private static final System.Logger LOG = System.getLogger(CniFailures.class.getName());

  // The failures with a code of their own, the more specific before the more general.
  private static final List<Map.Entry<Class<? extends Throwable>, CniErrorCode>> CODES = List.of(
      Map.entry(InvalidRequestException.class, CniErrorCode.INVALID_NETWORK_CONFIG),
      // The host IP is a setting (CALICO_HOST_IP) the network's configuration implies, not a bug.
      Map.entry(HostAddressUnknownException.class, CniErrorCode.INVALID_NETWORK_CONFIG),
      Map.entry(DatastoreUnavailableException.class, CniErrorCode.TRY_AGAIN_LATER),
      Map.entry(ContentionException.class, CniErrorCode.TRY_AGAIN_LATER),
      Map.entry(PoolExhaustedException.class, CniErrorCode.POOL_EXHAUSTED),
      Map.entry(AddressInUseException.class, CniErrorCode.ADDRESS_IN_USE),
      Map.entry(AddressOutsidePoolsException.class, CniErrorCode.ADDRESS_OUTSIDE_POOLS),
      Map.entry(PoolNotFoundException.class, CniErrorCode.POOL_NOT_FOUND),
      Map.entry(BlockAffinityException.class, CniErrorCode.BLOCK_OF_ANOTHER_HOST),
      Map.entry(NetworkNotReadyException.class, CniErrorCode.NETWORK_NOT_READY),
      Map.entry(HostPortTakenException.class, CniErrorCode.HOST_PORT_IN_USE),
      Map.entry(AttachmentCheckException.class, CniErrorCode.ATTACHMENT_DIFFERS),
      Map.entry(DataplaneException.class, CniErrorCode.DATAPLANE_FAILED));

  private CniFailures() {}

  /**
   * The error answer to {@code failure}, in the request's version when it names one this plugin speaks. Records the
   * failure in {@code requestLog}; an unexpected one's stack trace goes to the log, which the sentence names.
   */
  static PluginResponse answer(byte[] stdin, CniCommand command, Throwable failure, RequestLog requestLog,
      String logLocation) {
    requestLog.failure(failure);
    if (!(failure instanceof CalicoMesosException)) {
      String named = command == null ? "" : command + " ";
      LOG.log(System.Logger.Level.ERROR, "unexpected failure in a CNI " + named + "request", failure);
    }
    CniVersion version = NetworkConfig.versionOf(stdin).orElse(CniVersion.LATEST);
    return CniResponses.error(version, codeOf(failure, command), ErrorSentences.describe(failure, logLocation));
  }

  static CniErrorCode codeOf(Throwable failure, CniCommand command) {
    if (failure instanceof CniRequestException refusal) {
      return refusal.code();
    }
    if (command == CniCommand.STATUS
        && (failure instanceof DatastoreUnavailableException || failure instanceof NetworkNotReadyException)) {
      return CniErrorCode.PLUGIN_NOT_AVAILABLE;
    }
    for (Map.Entry<Class<? extends Throwable>, CniErrorCode> known : CODES) {
      if (known.getKey().isInstance(failure)) {
        return known.getValue();
      }
    }
    return CniErrorCode.INTERNAL;
  }
}
