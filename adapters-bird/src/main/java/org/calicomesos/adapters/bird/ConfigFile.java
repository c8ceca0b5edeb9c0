package org.calicomesos.adapters.bird;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.calicomesos.ports.routing.bgp.BgpSpeakerException;

/**
 * BIRD's configuration file, replaced whole and atomically: a new text is staged next to it, then renamed over
 * it, so BIRD (re)starting at any moment reads the old file or the new one, never half of one.
 */
final class ConfigFile {
  private final Path path;

  ConfigFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** The text on file, or empty if there is no file yet. */
  Optional<String> read() {
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  /**
   * Writes {@code text} to a new file beside this one, with this one's owner, group and mode: Debian's BIRD
   * runs as user bird and reads a {@code bird:bird 0640} file, which a root-owned {@code 0600} temporary file
   * would lock it out of. Without a file to copy from, the new one is {@code 0644} (it holds no secrets).
   */
  Path stage(String text) {
    Path staged = null;
    try {
      staged = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName() + ".calico-mesos-",
          ".tmp");
      Files.writeString(staged, text, StandardCharsets.UTF_8);
      copyOwnershipOrDefault(staged);
      return staged;
    } catch (IOException e) {
      if (staged != null) {
        discard(staged);
      }
      throw failure("write a new", path, e);
    }
  }

  /** Renames {@code staged} over this file in one step. */
  void replaceWith(Path staged) {
    try {
      Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure("replace", path, e);
    }
  }

  /** Removes this file (a configuration that was never in force, and had nothing before it). */
  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw failure("delete", path, e);
    }
  }

  /** Removes a staged file that was not installed; harmless if it was. */
  static void discard(Path staged) {
    try {
      Files.deleteIfExists(staged);
    } catch (IOException ignored) {
      // A stray temporary file is harmless: its name starts with '.' and BIRD never reads it.
    }
  }

  private void copyOwnershipOrDefault(Path staged) throws IOException {
    PosixFileAttributeView target = Files.getFileAttributeView(staged, PosixFileAttributeView.class);
    if (!Files.exists(path)) {
      target.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
      return;
    }
    PosixFileAttributes current = Files.readAttributes(path, PosixFileAttributes.class);
    target.setPermissions(current.permissions());
    target.setGroup(current.group());
    target.setOwner(current.owner());
  }

  private static BgpSpeakerException failure(String verb, Path path, IOException e) {
    return new BgpSpeakerException("cannot " + verb + " BIRD configuration file " + path + ": " + e);
  }
}
