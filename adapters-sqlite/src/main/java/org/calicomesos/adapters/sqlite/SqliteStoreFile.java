package org.calicomesos.adapters.sqlite;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Makes the database file exist before SQLite opens it, so that it is private from its first byte:
 * missing directories 0700, the file 0600 (SQLite gives its -wal and -shm files the same mode).
 */
final class SqliteStoreFile {
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private SqliteStoreFile() {}

  /** Creates what is missing of {@code file} and its parents; leaves existing ones as the operator set them. */
  static void prepare(Path file) throws IOException {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    createMissingDirectories(file.getParent(), posix);
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createFile(file, attributes(FILE, posix));
      restrict(file, FILE, posix);
    } catch (FileAlreadyExistsException raced) {
      // Another process created it first; it applied the same mode.
    }
  }

  private static void createMissingDirectories(Path directory, boolean posix) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path next = missing.pop();
      try {
        Files.createDirectory(next, attributes(DIRECTORY, posix));
        restrict(next, DIRECTORY, posix);
      } catch (FileAlreadyExistsException raced) {
        if (!Files.isDirectory(next)) {
          throw new FileSystemException(next.toString(), null, "exists and is not a directory");
        }
      }
    }
  }

  /** The umask may have taken bits off the mode asked for at creation; set it exactly. */
  private static void restrict(Path path, Set<PosixFilePermission> mode, boolean posix) throws IOException {
    if (posix) {
      Files.setPosixFilePermissions(path, mode);
    }
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> mode, boolean posix) {
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
  }
}
