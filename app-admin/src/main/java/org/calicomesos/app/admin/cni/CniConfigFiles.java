package org.calicomesos.app.admin.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes network configs into a runtime's configuration directory, mode 0644 whatever the umask: every file is
 * checked before the first is written, so a refusal leaves the directory as it was; each file is written beside
 * its place and renamed over it, so a runtime never reads half a file.
 */
final class CniConfigFiles {
  private static final Set<PosixFilePermission> MODE_0644 = PosixFilePermissions.fromString("rw-r--r--");

  private CniConfigFiles() {}

  /** @return the files written, in order */
  static List<Path> write(Path directory, Map<String, String> contentByFileName, boolean force) {
    Map<Path, String> files = new LinkedHashMap<>();
    contentByFileName.forEach((name, content) -> files.put(directory.resolve(name), content));
    if (!force) {
      for (Path file : files.keySet()) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw CniConfigFileException.exists(file);
        }
      }
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw CniConfigFileException.cannotWrite(directory, e);
    }
    files.forEach(CniConfigFiles::writeOne);
    return List.copyOf(files.keySet());
  }

  private static void writeOne(Path file, String content) {
    Path temporary = null;
    try {
      temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temporary, MODE_0644);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw CniConfigFileException.cannotWrite(file, e);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary != null) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The write's own failure is the one to report.
      }
    }
  }
}
