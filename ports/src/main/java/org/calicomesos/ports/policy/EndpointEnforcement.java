package org.calicomesos.ports.policy;

/** Whether the policy in force on this host names one endpoint's host interface ({@link PolicyDataplane#enforces}). */
public enum EndpointEnforcement {
  /** No policy is in force on this host: no agent enforces one, so there is nothing to name the endpoint. */
  NO_POLICY,
  /** The policy in force names the endpoint. */
  PRESENT,
  /** A policy is in force and does not name the endpoint (yet: the agent applies a new one within a second). */
  ABSENT
}
