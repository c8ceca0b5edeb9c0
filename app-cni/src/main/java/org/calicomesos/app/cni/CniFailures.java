package org.calicomesos.app.cni;

import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.CalicoMesosException;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.attachment.NetworkNotReadyException;
import org.calicomesos.ports.dataplane.DataplaneException;
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

  private CniFailures() {}

  /**
   * The error answer to {@code failure}, in the request's version when it names one this plugin speaks. Records the
   * failure in {@code requestLog}; an unexpected one's stack trace goes to the log, which the sentence names.
   */
  static PluginResponse answer(byte[] stdin, CniCommand command, Throwable failure, RequestLog requestLog,
      String logLocation) {
    requestLog.failure(failure);
    if (!(failure instanceof CalicoMesosException)) {
      LOG.log(System.Logger.Level.ERROR, "unexpected failure in a CNI " + (command == null ? "" : command + " ") + "request", failure);
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
    if (failure instanceof InvalidRequestException) {
      return CniErrorCode.INVALID_NETWORK_CONFIG;
    }
    if (failure instanceof DatastoreUnavailableException || failure instanceof ContentionException) {
      return CniErrorCode.TRY_AGAIN_LATER;
    }
    if (failure instanceof PoolExhaustedException) {
      return CniErrorCode.POOL_EXHAUSTED;
    }
    if (failure instanceof AddressInUseException) {
      return CniErrorCode.ADDRESS_IN_USE;
    }
    if (failure instanceof AddressOutsidePoolsException) {
      return CniErrorCode.ADDRESS_OUTSIDE_POOLS;
    }
    if (failure instanceof PoolNotFoundException) {
      return CniErrorCode.POOL_NOT_FOUND;
    }
    if (failure instanceof BlockAffinityException) {
      return CniErrorCode.BLOCK_OF_ANOTHER_HOST;
    }
    if (failure instanceof NetworkNotReadyException) {
      return CniErrorCode.NETWORK_NOT_READY;
    }
    if (failure instanceof AttachmentCheckException) {
      return CniErrorCode.ATTACHMENT_DIFFERS;
    }
    if (failure instanceof DataplaneException) {
      return CniErrorCode.DATAPLANE_FAILED;
    }
    return CniErrorCode.INTERNAL;
  }
}
