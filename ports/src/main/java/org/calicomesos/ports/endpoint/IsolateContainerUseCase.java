package org.calicomesos.ports.endpoint;

/** net-modules {@code isolate}: idempotent for the same container and addresses. */
public interface IsolateContainerUseCase {
  IsolateResult isolate(IsolateCommand command);
}
