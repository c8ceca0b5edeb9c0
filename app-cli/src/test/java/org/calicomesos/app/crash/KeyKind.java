package org.calicomesos.app.crash;

import org.calicomesos.ports.schema.DatastoreKeys;

/** Which record a datastore key holds (docs/datastore-schema.md, "Keys"), for step names that read well. */
enum KeyKind {
  POOL, BLOCK, AFFINITY, HANDLE, ENDPOINT, PROFILE, OTHER;

  static KeyKind of(DatastoreKeys keys, String key) {
    if (keys.isPoolKey(key)) {
      return POOL;
    }
    if (key.startsWith(keys.prefix() + "/ipam/v2/assignment/")) {
      return BLOCK;
    }
    if (key.startsWith(keys.affinityRoot())) {
      return AFFINITY;
    }
    if (key.startsWith(keys.handlePrefix())) {
      return HANDLE;
    }
    if (keys.parseEndpoint(key).isPresent()) {
      return ENDPOINT;
    }
    if (key.startsWith(keys.profileRoot())) {
      return PROFILE;
    }
    return OTHER;
  }

  /** {@code key} as it reads under the default prefix, so a step has one name whichever prefix a run used. */
  static String described(DatastoreKeys keys, String key) {
    String plain = key.startsWith(keys.prefix() + "/")
        ? DatastoreKeys.DEFAULT_PREFIX + key.substring(keys.prefix().length()) : key;
    return plain + " (" + of(keys, key).name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
