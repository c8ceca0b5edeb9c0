package org.calicomesos.core.profile;

import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Readout;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.policy.ProfileNotFoundException;
import org.calicomesos.ports.policy.ProfilePolicy;
import org.calicomesos.ports.policy.ShowProfilesUseCase;
import org.calicomesos.ports.policy.StoredProfile;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.ports.schema.DatastoreKeys.ProfileKey;
import org.calicomesos.ports.schema.DatastoreKeys.ProfileKey.Part;

/**
 * {@code profile list|show}: each profile's rules and tags records, decoded one by one, so an unreadable record
 * is reported next to the others instead of failing the listing.
 */
public final class ShowProfilesService implements ShowProfilesUseCase {
  private final KeyValueStore store;
  private final DatastoreKeys keys;

  @Inject
  public ShowProfilesService(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public List<StoredProfile> list() {
    // One listing, so both records of a profile are read at the same revision; a tree map orders by name.
    Map<String, Map<Part, Entry>> records = new TreeMap<>();
    for (Entry entry : store.list(keys.profileRoot()).entries()) {
      keys.parseProfile(entry.key()).ifPresent(key ->
          records.computeIfAbsent(key.profile().value(), name -> new EnumMap<>(Part.class)).put(key.part(), entry));
    }
    return records.entrySet().stream()
        .map(profile -> stored(new ProfileName(profile.getKey()), Optional.ofNullable(profile.getValue().get(Part.RULES)),
            Optional.ofNullable(profile.getValue().get(Part.TAGS))))
        .toList();
  }

  @Override
  public StoredProfile show(ProfileName name) {
    return find(name).orElseThrow(() -> new ProfileNotFoundException(name));
  }

  /** The profile, or empty when it has neither record. */
  public Optional<StoredProfile> find(ProfileName name) {
    Optional<Entry> rules = store.get(keys.profileRules(name));
    Optional<Entry> tags = store.get(keys.profileTags(name));
    if (rules.isEmpty() && tags.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(stored(name, rules, tags));
  }

  private static StoredProfile stored(ProfileName name, Optional<Entry> rules, Optional<Entry> tags) {
    return new StoredProfile(name,
        readout(rules, ProfileCodecs.RULES).map(r -> new ProfilePolicy(name, r.inbound(), r.outbound())),
        readout(tags, ProfileCodecs.TAGS));
  }

  private static <V> Readout<V> readout(Optional<Entry> entry, Codec<V> codec) {
    return entry.map(codec::readout).orElseGet(Readout::absent);
  }

  // A name our schema refuses was not written by us; such a key is passed over, as the agent's policy model does.
}
