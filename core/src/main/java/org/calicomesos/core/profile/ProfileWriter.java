package org.calicomesos.core.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.calicomesos.core.cas.CasLoop;
import org.calicomesos.core.cas.Step;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.model.ProfileName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Makes sure a profile's records exist. A record already there is left alone — an operator may have
 * tightened a netgroup's rules — unless {@code replaceIfDifferent}, which the host profile uses because its
 * rules name the host's IP and that can change. Concurrent writers of the same profile write the same content,
 * so losing a create race is success.
 */
public final class ProfileWriter {
  private final KeyValueStore store;
  private final DatastoreKeys keys;
  private final CasLoop cas;

  public ProfileWriter(KeyValueStore store, DatastoreKeys keys) {
    this.store = store;
    this.keys = keys;
    this.cas = new CasLoop(store);
  }

  public void ensure(Profile profile, boolean replaceIfDifferent) {
    // Both records in one round trip: every isolate ensures two or three profiles that almost always exist.
    ensure(profile, replaceIfDifferent, store.list(recordsPrefix(profile.name())));
  }

  /** As {@link #ensure(Profile, boolean)}, from a listing of {@link #recordsPrefix} already made. */
  public void ensure(Profile profile, boolean replaceIfDifferent, Listing stored) {
    Map<String, Entry> records = new HashMap<>();
    stored.entries().forEach(entry -> records.put(entry.key(), entry));
    String rulesKey = keys.profileRules(profile.name());
    String tagsKey = keys.profileTags(profile.name());
    ProfileCodecs.Rules rules = new ProfileCodecs.Rules(profile.inbound(), profile.outbound());
    cas.update(rulesKey, Optional.ofNullable(records.get(rulesKey)), ProfileCodecs.RULES,
        current -> decide(current, rules, replaceIfDifferent));
    cas.update(tagsKey, Optional.ofNullable(records.get(tagsKey)), ProfileCodecs.TAGS,
        current -> decide(current, profile.tags(), replaceIfDifferent));
  }

  /** The prefix a listing of the profile's records is made under. */
  public String recordsPrefix(ProfileName profile) {
    return keys.profile(profile);
  }

  private static <V> Step<V, Void> decide(Optional<V> current, V wanted, boolean replaceIfDifferent) {
    if (current.isEmpty() || (replaceIfDifferent && !current.get().equals(wanted))) {
      return Step.put(wanted, null);
    }
    return Step.keep(null);
  }
}
