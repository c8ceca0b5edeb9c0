package org.calicomesos.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calicomesos.core.attachment.AttachmentFixture.NETNS;
import static org.calicomesos.core.attachment.AttachmentFixture.command;
import static org.calicomesos.core.attachment.AttachmentFixture.count;
import static org.calicomesos.core.attachment.AttachmentFixture.id;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.AttachmentCheckException;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.EndpointPolicy;
import org.calicomesos.ports.policy.HostPolicy;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.junit.jupiter.api.Test;

/** CHECK inside the container and in the agent's policy: one clause per difference. */
class ContainerSideCheckTest {
  private final AttachmentFixture cni = new AttachmentFixture();

  @Test
  void check_says_the_container_interface_is_missing() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    cni.dataplane.removeContainerEnd(attachment.hostInterface());

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": interface eth0 in the network namespace at /var/run/netns/c1 is missing");
  }

  @Test
  void check_says_the_namespace_is_gone() {
    cni.attach.attach(command(id("eth0"), count(1, 0)));
    cni.dataplane.namespaceGone(NETNS.path());

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": the network namespace at /var/run/netns/c1 does not exist");
  }

  @Test
  void check_says_the_container_interface_is_down() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    cni.dataplane.changeContainer(attachment.hostInterface(),
        seen -> new ContainerInterface(seen.name(), false, seen.addresses(), seen.routes()));

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": interface eth0 in the network namespace at /var/run/netns/c1 is down");
  }

  @Test
  void check_says_an_address_is_not_held_inside() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 1)));
    IPAddress v6 = attachment.addresses().get(1);
    cni.dataplane.changeContainer(attachment.hostInterface(), seen -> new ContainerInterface(seen.name(), true,
        seen.addresses().stream().filter(address -> !address.equals(v6)).toList(), seen.routes()));

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": eth0 does not hold " + v6.withoutPrefixLength());
  }

  @Test
  void check_says_the_default_route_is_missing() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    cni.dataplane.changeContainer(attachment.hostInterface(), seen -> new ContainerInterface(seen.name(), true,
        seen.addresses(), seen.routes().stream().filter(route -> route.gateway().isEmpty()).toList()));

    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": eth0 has no default route via 169.254.1.1");
  }

  @Test
  void check_demands_no_routes_of_a_containers_second_attachment() {
    cni.attach.attach(command(id("eth0"), count(1, 0)));
    Attachment second = cni.attach.attach(command(id("eth1"), count(1, 0)));

    assertThatCode(() -> cni.check.check(id("eth1"), NETNS, List.of())).doesNotThrowAnyException();
    assertThatCode(() -> cni.check.check(id("eth0"), NETNS, List.of())).doesNotThrowAnyException();
    assertThat(second.containerRoutes()).isEmpty();
  }

  @Test
  void check_says_the_agents_policy_does_not_name_the_endpoint_and_passes_once_it_does() {
    Attachment attachment = cni.attach.attach(command(id("eth0"), count(1, 0)));
    assertThatCode(() -> cni.check.check(id("eth0"), NETNS, List.of())).doesNotThrowAnyException(); // no policy

    cni.policy.enforce(new HostPolicy(List.of(endpoint("cali0123456789a")), List.of()));
    assertThatThrownBy(() -> cni.check.check(id("eth0"), NETNS, List.of()))
        .isInstanceOf(AttachmentCheckException.class)
        .hasMessageEndingWith(": the policy the agent enforces on this host does not name host interface "
            + attachment.hostInterface() + " yet");

    cni.policy.enforce(new HostPolicy(List.of(endpoint(attachment.hostInterface().value())), List.of()));
    assertThatCode(() -> cni.check.check(id("eth0"), NETNS, List.of())).doesNotThrowAnyException();
  }

  private static EndpointPolicy endpoint(String hostInterface) {
    return new EndpointPolicy(new InterfaceName(hostInterface), List.of(),
        List.of(new ProfilePolicy(new ProfileName("prod"), List.of(), List.of())));
  }
}
