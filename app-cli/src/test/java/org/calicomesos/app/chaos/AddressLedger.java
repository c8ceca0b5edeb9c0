package org.calicomesos.app.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The test's own cross-check of every address the plugin handed out: an address is held by a lifecycle from the
 * answer that gave it until just before that lifecycle first asks to free it (from then on the datastore may free it
 * at any moment, also by a request whose answer is lost). An address handed to one lifecycle while another holds it
 * is a duplicate.
 */
final class AddressLedger {
  private final Map<String, String> holders = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();
  private long handedOut;

  synchronized void handedOut(String address, String lifecycle) {
    handedOut++;
    String holder = holders.putIfAbsent(address, lifecycle);
    if (holder != null && !holder.equals(lifecycle)) {
      duplicates.add(address + " handed to " + lifecycle + " while " + holder + " held it");
    }
  }

  synchronized void freeing(String address, String lifecycle) {
    holders.remove(address, lifecycle);
  }

  synchronized long handedOut() {
    return handedOut;
  }

  synchronized List<String> duplicates() {
    return List.copyOf(duplicates);
  }

  /** Addresses still held by a lifecycle: none once every lifecycle has finished. */
  synchronized Map<String, String> held() {
    return Map.copyOf(holders);
  }
}
