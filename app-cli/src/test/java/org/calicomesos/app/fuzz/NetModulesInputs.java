package org.calicomesos.app.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * What the net-modules plugin may find on stdin: requests of the protocol's shape, for each of its five commands,
 * whose fields are right or of any type, in the {@link StdinMix}.
 */
final class NetModulesInputs {
  private NetModulesInputs() {}

  static Arbitrary<byte[]> stdin() {
    return StdinMix.of(requests(),
        "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"a\",\"container_id\":\"c1\",\"x\":\"", "\"}}");
  }

  /** {@code {"command": .., "args": {..}}} for one of the five commands, its fields right or not. */
  static Arbitrary<String> requests() {
    return Choices.oneOf(Stream.of("allocate", "reserve", "release", "isolate", "cleanup")
        .map(command -> JsonText.object(
            JsonText.member("command", Choices.weighted(
                Tuple.of(20, Arbitraries.just(JsonText.quote(command))), Tuple.of(1, JsonText.string()))),
            JsonText.member("args", args(command))))
        .collect(Collectors.toList()));
  }

  private static Arbitrary<String> args(String command) {
    Arbitrary<String> hostname = JsonText.member("hostname",
        TaskTexts.identifier("agent1", "10.0.0.1", "a.example.com"));
    Arbitrary<String> uid = JsonText.member("uid", uid());
    Arbitrary<String> containerId = JsonText.member("container_id", uid());
    Arbitrary<String> netgroups = JsonText.member("netgroups", TaskTexts.netgroups(), 18);
    Arbitrary<String> labels = JsonText.member("labels", TaskTexts.labels(), 18);
    Arbitrary<String> ipv4 = JsonText.member("ipv4_addrs", JsonText.list(AddressTexts.ipv4(), 3));
    Arbitrary<String> ipv6 = JsonText.member("ipv6_addrs", JsonText.list(AddressTexts.ipv6(), 2), 30);
    switch (command) {
      case "allocate":
        return JsonText.object(hostname, uid, JsonText.member("num_ipv4", JsonText.number(0, 3)),
            JsonText.member("num_ipv6", JsonText.number(0, 1)), netgroups, labels);
      case "reserve":
        return JsonText.object(hostname, uid, ipv4, ipv6, netgroups, labels);
      case "release":
        return Choices.oneOf(List.of(JsonText.object(uid), JsonText.object(JsonText.member("ips",
            JsonText.list(AddressTexts.any(), 3)))));
      case "isolate":
        return JsonText.object(hostname, containerId, JsonText.member("pid", JsonText.number(1, 4_194_304)), ipv4,
            ipv6, netgroups, labels);
      default:
        return JsonText.object(hostname, containerId);
    }
  }

  private static Arbitrary<String> uid() {
    return TaskTexts.identifier("u1", "4f1c7b9e-1b8b-4a43-9a44-3b1b0b7b2f11", "task.1_x");
  }
}
