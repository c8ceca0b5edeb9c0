package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A per-request process that used etcd leaves nothing: it exits on its own, with no temp files and no open files. */
class EtcdDebrisTest {
  @TempDir Path tmp;

  @Test
  void aProcessThatUsedTheStoreExitsAndLeavesNothingBehind() throws Exception {
    try (EtcdServer etcd = EtcdServer.start()) {
      Path javaTmp = Files.createDirectory(tmp.resolve("java-tmp"));
      Process child = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djava.io.tmpdir=" + javaTmp, "-cp", System.getProperty("java.class.path"),
          EtcdDebrisProbe.class.getName(), etcd.clientUrl()))
          .redirectErrorStream(true).start();
      boolean exited = child.waitFor(30, TimeUnit.SECONDS);
      String output = new String(child.getInputStream().readAllBytes());
      if (!exited) {
        child.destroyForcibly();
      }

      assertThat(exited).as("the JVM exits when main returns; output: %s", output).isTrue();
      assertThat(child.exitValue()).as(output).isZero();
      Matcher files = Pattern.compile("open files before (\\d+) after (\\d+)").matcher(output);
      assertThat(files.find()).as(output).isTrue();
      assertThat(Integer.parseInt(files.group(2))).as(output).isLessThanOrEqualTo(Integer.parseInt(files.group(1)));
      try (Stream<Path> left = Files.list(javaTmp)) {
        assertThat(left).as("files left in java.io.tmpdir").isEmpty();
      }
    }
  }
}
