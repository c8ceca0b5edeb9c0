package org.calicomesos.app.fuzz;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** What Mesos says about a task, as JSON, in both protocols: identifiers, netgroups and labels. */
final class TaskTexts {
  private TaskTexts() {}

  /** A container id, uid or network name: a right one mostly, else an odd string. */
  static Arbitrary<String> identifier(String... right) {
    return Choices.weighted(Tuple.of(12, Arbitraries.of(right)), Tuple.of(1, OddStrings.any()))
        .map(JsonText::quote);
  }

  static Arbitrary<String> netgroups() {
    return JsonText.list(identifier("prod", "web", "db-1", "default_x"), 3);
  }

  /** Labels in the isolator's list form or the object form, with the keys calico-mesos reads among them. */
  static Arbitrary<String> labels() {
    Arbitrary<String> key = Choices.weighted(
        Tuple.of(3, JsonText.strings("app", "ipv4_addrs", "netgroup", "calico-mesos.pool")),
        Tuple.of(1, JsonText.string()));
    Arbitrary<String> value = Choices.weighted(
        Tuple.of(2, AddressTexts.staticAddressLabel()),
        Tuple.of(2, JsonText.strings("web", "prod,web", " , ", "192.168.0.0/16", "10.0.0.0/8,192.168.0.0/16")),
        Tuple.of(2, AddressTexts.pool()),
        Tuple.of(1, JsonText.string()));
    Arbitrary<String> listForm = JsonText.list(JsonText.object(JsonText.member("key", key),
        JsonText.member("value", value)), 3);
    Arbitrary<String> objectForm = Combinators.combine(key, value).as(Tuple::of).list().ofMaxSize(3)
        .uniqueElements(Tuple.Tuple2::get1)
        .map(members -> members.stream().map(member -> member.get1() + ":" + member.get2())
            .collect(Collectors.joining(",", "{", "}")));
    return Choices.oneOf(List.of(listForm, objectForm));
  }
}
