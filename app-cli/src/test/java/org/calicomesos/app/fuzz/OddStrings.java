package org.calicomesos.app.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Text a broken or hostile caller may put in any field or variable: path tricks, shell and separator characters,
 * control characters and NUL, lone surrogates, odd white space, strings at and past the length limits, and file
 * names a setting might point at.
 */
final class OddStrings {
  private static final String[] SPECIMENS = {
      "", " ", ".", "..", "/", "//", "../../etc/passwd", "a/b", "a/../b", "/a/./b", "/..", "c1/..", "-rf", "-",
      "a\u0000b", "\u0000", "c1\n", "a\rb", "\t", "eth0;reboot", "$(id)", "`id`", "a b", "a,b", "a=b", ";", "=", ",",
      "\"", "'", "\\", "%s", "{}", "[]", "null", "true", "0", "-1", "default_x", "é", "\u00a0", "\u2028", "\u202e",
      "\uFEFF", "\ud800", "\udfff", "\ud83d\ude00", "\u0130", "\u0131", "ADD", "add", " DEL ", "VERSİON",
      "a".repeat(15), "a".repeat(16), "a".repeat(128), "a".repeat(129), "a".repeat(253), "a".repeat(254),
      "a".repeat(255), "a".repeat(256), "a".repeat(4096), "a".repeat(4097), "c1", "eth0", "net1", "testnode",
      "192.168.0.5", "10.0.0.5", "fd80:24e2:f998:72d6::5", "192.168.0.0/16", "/var/run/netns/c1", "/proc/1/ns/net",
      "/proc/self/ns/net", "/dev/null", "/dev/zero", "/dev/full", "/etc/hostname", "/proc/self/status",
      "/nonexistent/x", "/tmp", "http://127.0.0.1:2379", "https://[::1]:2379", "127.0.0.1:8500", "IgnoreUnknown=1",
      "IP=", "IP=192.168.0.5", "K8S_POD_NAME=x", "calico-mesos", "calico-mesos-ipam"};

  private OddStrings() {}

  static Arbitrary<String> any() {
    return Choices.weighted(
        Tuple.of(5, Arbitraries.of(SPECIMENS)),
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(24)),
        Tuple.of(3, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(24)),
        Tuple.of(2, Arbitraries.strings().withChars("ab0./-_:\u0000").ofMaxLength(24)),
        Tuple.of(1, repeats()));
  }

  // Repeats of one piece, long enough to cross the 64 KiB string limit of the JSON reader now and then.
  private static Arbitrary<String> repeats() {
    return Combinators.combine(Arbitraries.of("a", "/", "..", "é", "\u0000", "\ud83d\ude00"), Choices.weighted(
        Tuple.of(8, Arbitraries.integers().between(100, 5_000)),
        Tuple.of(1, Arbitraries.integers().between(60_000, 70_000)))).as(String::repeat);
  }
}
