package org.calicomesos.app.admin.diags;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The bundle's tar.gz: one directory holding a file per item. It is created (empty, readable by its owner
 * only: logs and addresses are not for everyone) before anything is collected, so that a path that cannot be
 * written fails at once rather than after a minute of collecting; an existing file is never overwritten.
 */
final class DiagsArchive {
  private static final int FILE_MODE = 0100644;

  private final Path path;

  private DiagsArchive(Path path) {
    this.path = path;
  }

  /** @throws DiagsArchiveException when the file exists already or cannot be created */
  static DiagsArchive create(Path path) {
    try {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new DiagsArchiveException(path, e);
    }
    return new DiagsArchive(path);
  }

  Path path() {
    return path;
  }

  /** Writes {@code files} (name to text, in order) under {@code directory}; on failure, removes the archive. */
  void write(String directory, Map<String, String> files, Instant time) {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(
        new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING))))) {
      // A node name may make a path longer than the old tar limit of 100 characters.
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(directory + "/" + file.getKey());
        entry.setSize(content.length);
        entry.setMode(FILE_MODE);
        entry.setLastModifiedTime(FileTime.from(time));
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      discard();
      throw new DiagsArchiveException(path, e);
    }
  }

  /** Removes the archive, written or not (collecting failed unexpectedly); best effort. */
  void discard() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Nothing more to do: the failure that led here is what the operator is told.
    }
  }
}
