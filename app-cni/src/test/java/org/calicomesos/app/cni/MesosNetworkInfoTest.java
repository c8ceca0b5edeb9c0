package org.calicomesos.app.cni;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.json.JsonTree;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NetworkName;
import org.junit.jupiter.api.Test;

/** Netgroups, labels, pools and static addresses from Mesos' NetworkInfo. */
class MesosNetworkInfoTest {
  private static final NetworkName NET1 = new NetworkName("net1");

  @Test
  void groupsAreTheNetgroupsAndEveryLabelIsKept() throws Exception {
    MesosNetworkInfo info = MesosNetworkInfo.of(args("{\"org.apache.mesos\":{\"network_info\":{\"name\":\"net1\","
        + "\"groups\":[\"web\",\"db\"],\"labels\":{\"labels\":[{\"key\":\"app\",\"value\":\"shop\"},"
        + "{\"key\":\"netgroup\",\"value\":\"ignored\"}]},\"port_mappings\":[{\"host_port\":80}]}}}"));

    assertThat(info.netgroups(NET1)).containsExactly(new Netgroup("web"), new Netgroup("db"));
    assertThat(info.labels().asMap()).containsExactly(Map.entry("app", "shop"), Map.entry("netgroup", "ignored"));
  }

  @Test
  void withoutGroupsTheNetgroupLabelNamesThem() throws Exception {
    MesosNetworkInfo info = MesosNetworkInfo.of(args("{\"org.apache.mesos\":{\"network_info\":{\"labels\":{\"labels\":"
        + "[{\"key\":\"netgroup\",\"value\":\"web,db\"}]}}}}"));

    assertThat(info.netgroups(NET1)).containsExactly(new Netgroup("web"), new Netgroup("db"));
  }

  @Test
  void withNeitherTheNetworksNameIsTheNetgroup() throws Exception {
    assertThat(MesosNetworkInfo.of(Optional.empty()).netgroups(NET1)).containsExactly(new Netgroup("net1"));
    assertThat(MesosNetworkInfo.of(args("{\"org.apache.mesos\":{\"network_info\":{\"name\":\"net1\"}}}"))
        .netgroups(NET1)).containsExactly(new Netgroup("net1"));
  }

  @Test
  void thePoolLabelAndTheStaticAddressLabelAreRead() throws Exception {
    MesosNetworkInfo info = MesosNetworkInfo.of(args("{\"org.apache.mesos\":{\"network_info\":{\"labels\":{\"labels\":"
        + "[{\"key\":\"calico-mesos.pool\",\"value\":\"10.1.0.0/16, fd00:1::/64\"},"
        + "{\"key\":\"ipv4_addrs\",\"value\":\"['10.1.0.9']\"}]}}}}"));

    assertThat(info.pools().orElseThrow()).extracting(Object::toString).containsExactly("10.1.0.0/16", "fd00:1::/64");
    assertThat(info.staticAddresses()).extracting(Object::toString).containsExactly("10.1.0.9");
  }

  @Test
  void anotherRuntimesLabelsStandInWhenMesosSentNone() throws Exception {
    MesosNetworkInfo info = MesosNetworkInfo.of(args("{\"cni\":{\"labels\":[{\"key\":\"tier\",\"value\":\"front\"}]}}"));

    assertThat(info.labels().asMap()).containsExactly(Map.entry("tier", "front"));
    assertThat(info.pools()).isEmpty();
  }

  private static Optional<ObjectNode> args(String json) throws Exception {
    return Optional.of((ObjectNode) JsonTree.parse(json));
  }
}
