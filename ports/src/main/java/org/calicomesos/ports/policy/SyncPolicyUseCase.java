package org.calicomesos.ports.policy;

import org.calicomesos.ports.sync.SyncUseCase;

/**
 * The agent's policy work (its threads, watch and back-off live in the agent): keep a model of every endpoint
 * and profile in the datastore, and have this host's part of it enforced. A kernel refusal is a
 * {@link PolicyApplyException}.
 */
public interface SyncPolicyUseCase extends SyncUseCase {}
