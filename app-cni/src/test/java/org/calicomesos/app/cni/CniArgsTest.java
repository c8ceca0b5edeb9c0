package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** CNI_ARGS: K=V;K=V, IP= for static addresses, unknown keys only with IgnoreUnknown. */
class CniArgsTest {
  @Test
  void ipNamesStaticAddressesOfEitherFamily() {
    CniArgs args = CniArgs.parse("IgnoreUnknown=1;IP=10.0.0.5, fd00::7;MESOS_TASK=x");

    assertThat(args.staticAddresses()).extracting(Object::toString).containsExactly("10.0.0.5", "fd00::7");
  }

  @Test
  void kubernetesKeysArePassedOverAsCalicoDid() {
    CniArgs args = CniArgs.parse("K8S_POD_NAMESPACE=default;K8S_POD_NAME=web;;");

    assertThat(args.staticAddresses()).isEmpty();
    assertThat(args.values()).containsEntry("K8S_POD_NAME", "web");
  }

  @Test
  void anUnknownKeyWithoutIgnoreUnknownIsRefused() {
    assertThatThrownBy(() -> CniArgs.parse("FOO=bar"))
        .isInstanceOfSatisfying(CniRequestException.class,
            e -> assertThat(e.code()).isEqualTo(CniErrorCode.INVALID_ENVIRONMENT))
        .hasMessage("CNI_ARGS has the unknown key FOO; add IgnoreUnknown=1 to pass over it");
  }

  @Test
  void anItemWithoutAValueOrAKeyGivenTwiceIsRefused() {
    assertThatThrownBy(() -> CniArgs.parse("IP")).hasMessage("CNI_ARGS item 'IP' is not KEY=VALUE");
    assertThatThrownBy(() -> CniArgs.parse("IP=10.0.0.1;IP=10.0.0.2")).hasMessage("CNI_ARGS names IP twice");
  }

  @Test
  void absentArgsAreNone() {
    assertThat(CniArgs.parse(null)).isEqualTo(CniArgs.NONE);
    assertThat(CniArgs.parse(" ").staticAddresses()).isEmpty();
  }
}
