package org.calicomesos.adapters.etcd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.TxnOption;
import org.junit.jupiter.api.Test;

/**
 * jetcd retries a Put, Delete or Txn only when asked to with {@code withAutoRetry()}; a retried
 * transaction can apply twice (jetcd 0.8.2, Jepsen 2024). Nothing of ours may ask.
 */
class NoAutomaticWriteRetryTest {
  private static final JavaClasses OURS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.calicomesos");

  @Test
  void noCodeEnablesJetcdsAutomaticRetryOfWrites() {
    rule().check(OURS);
  }

  @Test
  void theRuleCatchesACallToWithAutoRetry() {
    JavaClasses offender = new ClassFileImporter().importClasses(RetryingWriter.class);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule().check(offender))
        .isInstanceOf(AssertionError.class).hasMessageContaining("withAutoRetry");
  }

  private static com.tngtech.archunit.lang.ArchRule rule() {
    return noClasses().should().callMethod(PutOption.Builder.class, "withAutoRetry")
        .orShould().callMethod(DeleteOption.Builder.class, "withAutoRetry")
        .orShould().callMethod(TxnOption.Builder.class, "withAutoRetry")
        .because("a write jetcd sends again after losing its answer can apply twice (jetcd#1444)");
  }

  /** What the rule must catch. */
  static final class RetryingWriter {
    TxnOption option() {
      return TxnOption.builder().withAutoRetry().build();
    }
  }

  @Test
  void theRuleSeesTheAdapter() {
    // Guards the rule above against importing nothing (a wrong package name would pass vacuously).
    org.assertj.core.api.Assertions.assertThat(OURS.contain(EtcdKeyValueStore.class)).isTrue();
  }
}
