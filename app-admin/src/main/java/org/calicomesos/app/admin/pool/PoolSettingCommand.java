package org.calicomesos.app.admin.pool;

import inet.ipaddr.IPAddress;
import java.util.concurrent.Callable;
import org.calicomesos.app.admin.ArgumentCheck;
import org.calicomesos.app.admin.HelpOption;
import org.calicomesos.app.admin.Invocation;
import org.calicomesos.app.admin.output.OutputOption;
import org.calicomesos.ports.ipam.ManagePoolsUseCase;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.Addresses;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that sets one setting of one pool, {@code pool <setting> CIDR VALUE}: both arguments are checked before
 * the datastore is touched, and the pool is printed as it now is. A subclass adds the value and says what it asks.
 */
abstract class PoolSettingCommand implements Callable<Integer> {
  private final Invocation invocation;
  private final PoolChangedReport.Setting setting;

  /** A subclass refuses its value as a usage error on it. */
  @Spec CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private OutputOption output;

  @Parameters(index = "0", paramLabel = "CIDR", description = "The pool's network, exactly as 'pool list' shows it.")
  private String cidr;

  PoolSettingCommand(Invocation invocation, PoolChangedReport.Setting setting) {
    this.invocation = invocation;
    this.setting = setting;
  }

  /**
   * The change the value asks for.
   *
   * @throws picocli.CommandLine.ParameterException when the value is not one the setting takes
   */
  abstract Change change();

  @Override
  public final Integer call() {
    IPAddress network = ArgumentCheck.parse(spec, () -> Addresses.parseCidr("CIDR", cidr));
    Change change = change();
    Pool pool = change.apply(invocation.useCases().pools(), network);
    output.print(new PoolChangedReport(pool, setting), invocation.out());
    return 0;
  }

  /** The setting set on one pool; returns the pool as it now is. */
  @FunctionalInterface
  interface Change {
    Pool apply(ManagePoolsUseCase pools, IPAddress cidr);
  }
}
