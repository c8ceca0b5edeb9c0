package org.calicomesos.app.netmodules;

import dagger.Lazy;
import jakarta.inject.Inject;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.ReleaseAddressesUseCase;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.model.InvalidRequestException;

/** {@code release}: every address {@code uid} holds, or exactly the {@code ips} named; idempotent. */
final class ReleaseHandler implements CommandHandler {
  private final Lazy<ReleaseAddressesUseCase> release;

  @Inject
  ReleaseHandler(Lazy<ReleaseAddressesUseCase> release) {
    this.release = release;
  }

  @Override
  public Reply handle(RequestArgs args) {
    boolean byUid = args.has("uid");
    boolean byIps = args.has("ips");
    if (byUid == byIps) {
      throw new InvalidRequestException(byUid
          ? "release takes either uid or ips, not both"
          : "release needs either uid or ips");
    }
    ReleaseCommand command = byUid
        ? new ReleaseCommand.ByHandle(args.uid())
        : new ReleaseCommand.ByAddresses(args.anyAddresses("ips", AllocateCommand.MAX_PER_FAMILY * 2));
    release.get().release(command);
    return Reply.DONE;
  }
}
