package org.calicomesos.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code modules-json}: the file the net-modules isolator needs, from two checked paths and no datastore. */
class ModulesJsonCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIBRARY = "/opt/net-modules/libmesos_network_isolator.so";

  @Test
  void without_options_or_launcher_it_is_the_file_existing_installations_use() throws Exception {
    AdminRun run = AdminRun.withoutServices("modules-json");

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(expected(LIBRARY, "/calico/calico_mesos")));
  }

  @Test
  void run_through_the_launcher_it_names_the_launcher_as_the_plugin() throws Exception {
    AdminRun run = AdminRun.throughLauncher("/opt/calico-mesos/bin/calico-mesos", "modules-json");

    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(expected(LIBRARY, "/opt/calico-mesos/bin/calico-mesos")));
  }

  @Test
  void both_paths_can_be_given() throws Exception {
    AdminRun run = AdminRun.throughLauncher("/opt/calico-mesos/bin/calico-mesos", "modules-json",
        "--plugin", "/calico/calico_mesos", "--library", "/usr/lib/mesos/modules/libmesos_network_isolator.so");

    assertThat(run.status()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(JSON.readTree(expected("/usr/lib/mesos/modules/libmesos_network_isolator.so", "/calico/calico_mesos")));
  }

  @Test
  void the_document_is_indented_and_quotes_a_path_as_json_does() throws Exception {
    String odd = "/opt/a\"b\\c/calico-mesos";

    AdminRun run = AdminRun.withoutServices("modules-json", "--plugin", odd);

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("\n  \"libraries\"").endsWith("}\n").contains("a\\\"b\\\\c");
    JsonNode parameters = JSON.readTree(run.out()).at("/libraries/0/modules/0/parameters");
    assertThat(parameters.findValuesAsText("value")).containsExactly(odd, odd);
  }

  record Misuse(String message, String... args) {}

  static Stream<Misuse> misuses() {
    String spaceRule = "contains a space, and the isolator splits the command on spaces into arguments; use a path"
        + " without spaces (a symlink such as /calico/calico_mesos will do)";
    return Stream.of(
        new Misuse("error: --plugin 'bin/calico-mesos' must be an absolute path", "--plugin", "bin/calico-mesos"),
        new Misuse("error: --plugin '' must be an absolute path", "--plugin", ""),
        new Misuse("error: --plugin '/opt/calico mesos/calico-mesos' " + spaceRule, "--plugin", "/opt/calico mesos/calico-mesos"),
        new Misuse("error: --plugin '/calico/calico_mesos --debug' " + spaceRule, "--plugin", "/calico/calico_mesos --debug"),
        new Misuse("error: --plugin '/calico/calico\u00a0mesos' " + spaceRule, "--plugin", "/calico/calico\u00a0mesos"),
        new Misuse("error: --plugin must not contain control characters", "--plugin", "/calico/calico_mesos\n"),
        new Misuse("error: --plugin must not contain control characters", "--plugin", "/calico/\u001b[31mred"),
        new Misuse("error: --library 'libmesos_network_isolator.so' must be an absolute path",
            "--library", "libmesos_network_isolator.so"),
        new Misuse("error: --library '/opt/net modules/lib.so' must not contain spaces", "--library", "/opt/net modules/lib.so"),
        new Misuse("error: --library must not contain control characters", "--library", "/opt/lib\tx.so"),
        new Misuse("error: missing required parameter for option '--plugin' (PATH)", "--plugin"),
        new Misuse("error: unknown options: '--output', 'json'", "--output", "json"));
  }

  @ParameterizedTest
  @MethodSource("misuses")
  void a_bad_path_is_a_usage_error_and_prints_nothing(Misuse misuse) {
    String[] args = Stream.concat(Stream.of("modules-json"), Stream.of(misuse.args())).toArray(String[]::new);

    AdminRun run = AdminRun.withoutServices(args);

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(misuse.message(), "Try 'calico-mesos modules-json --help' for more information.");
    assertThat(run.servicesBuilt()).isZero();
  }

  @Test
  void a_launcher_path_with_a_space_is_refused_with_a_way_out() {
    AdminRun run = AdminRun.throughLauncher("/home/ops/calico mesos/bin/calico-mesos", "modules-json");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).first().asString()
        .startsWith("error: the launcher's path (the default for --plugin) '/home/ops/calico mesos/bin/calico-mesos'"
            + " contains a space")
        .endsWith("(a symlink such as /calico/calico_mesos will do)");
  }

  /** The shape from the README ("How it fits into Mesos"), as the isolator reads it. */
  private static String expected(String library, String plugin) {
    return """
        {
          "libraries": [{
            "file": "%s",
            "modules": [
              {"name": "com_mesosphere_mesos_NetworkIsolator",
               "parameters": [{"key": "ipam_command", "value": "%s"},
                              {"key": "isolator_command", "value": "%s"}]},
              {"name": "com_mesosphere_mesos_NetworkHook"}
            ]
          }]
        }
        """.formatted(library, plugin, plugin);
  }
}
