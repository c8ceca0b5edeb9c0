package org.calicomesos.app.pipeline;

/**
 * Why the pipeline itself answers a request with an error, for protocols whose error form carries a code (CNI's
 * error objects do; net-modules' do not).
 */
public enum FailureKind {
  /** Stdin was not taken: too large, or unreadable. */
  REFUSED_INPUT,
  /** The configuration (or the log settings) was refused. */
  CONFIGURATION,
  /** The request overran {@code CALICO_REQUEST_TIMEOUT}. */
  DEADLINE,
  /** The datastore did not answer. */
  DATASTORE_UNAVAILABLE,
  /** Anything else: a bug, or a broken install; the sentence points at the log. */
  INTERNAL
}
