package org.calicomesos.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddressString;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.core.RecordingStore;
import org.calicomesos.ports.model.Netgroup;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;

/** Every isolate ensures two or three profiles that almost always exist: one listing each, no write. */
class ProfileWriterTest {
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final NodeName NODE = new NodeName("host-a");

  private final MemoryKeyValueStore memory = new MemoryKeyValueStore();
  private final RecordingStore recording = new RecordingStore(memory);
  private final ProfileWriter writer = new ProfileWriter(recording, KEYS);

  @Test
  void aMissingProfileIsCreatedAfterOneListing() {
    Profile prod = Profile.netgroup(new Netgroup("prod"));

    writer.ensure(prod, false);

    ProfileName name = prod.name();
    assertThat(recording.operations).containsExactly(
        "list " + KEYS.profile(name), "create " + KEYS.profileRules(name), "create " + KEYS.profileTags(name));
  }

  @Test
  void aProfileThatExistsCostsOneListingAndNoWrite() {
    Profile prod = Profile.netgroup(new Netgroup("prod"));
    writer.ensure(prod, false);
    recording.operations.clear();

    writer.ensure(prod, false);

    assertThat(recording.operations).containsExactly("list " + KEYS.profile(prod.name()));
  }

  @Test
  void rulesAnOperatorChangedStayUnlessTheProfileIsReplacedWhenDifferent() {
    Profile first = Profile.hostDefault(NODE, new IPAddressString("192.0.2.1").getAddress());
    Profile moved = Profile.hostDefault(NODE, new IPAddressString("192.0.2.9").getAddress());
    writer.ensure(first, false);
    String before = memory.get(KEYS.profileRules(first.name())).orElseThrow().value();

    writer.ensure(moved, false);
    assertThat(memory.get(KEYS.profileRules(first.name())).orElseThrow().value()).isEqualTo(before);

    writer.ensure(moved, true);
    assertThat(memory.get(KEYS.profileRules(first.name())).orElseThrow().value())
        .isNotEqualTo(before).contains("192.0.2.9");
  }

  @Test
  void theListingOfOneProfileDoesNotReachAnotherWhoseNameItPrefixes() {
    writer.ensure(Profile.netgroup(new Netgroup("prod-eu")), false);
    recording.operations.clear();

    writer.ensure(Profile.netgroup(new Netgroup("prod")), false);

    assertThat(recording.operations).filteredOn(op -> op.startsWith("create ")).hasSize(2);
  }
}
