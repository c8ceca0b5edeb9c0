package org.calicomesos.ports.policy;

import java.util.List;
import org.calicomesos.ports.model.ProfileName;

/**
 * {@code profile list} and {@code profile show}: the policy profiles in the datastore, read-only. A profile's
 * rules and tags are two records; one that cannot be decoded is reported as unreadable, the rest still shown.
 */
public interface ShowProfilesUseCase {
  /** Every profile that has a rules or a tags record, by name. */
  List<StoredProfile> list();

  /** @throws ProfileNotFoundException when the profile has neither record */
  StoredProfile show(ProfileName name);
}
