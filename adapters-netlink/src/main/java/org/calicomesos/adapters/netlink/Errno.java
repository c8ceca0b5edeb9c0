package org.calicomesos.adapters.netlink;

/** The errno values this adapter turns into typed outcomes, and their text. */
final class Errno {
  static final int ENOENT = 2;
  static final int ESRCH = 3;
  static final int EINTR = 4;
  static final int EEXIST = 17;
  static final int ENODEV = 19;
  static final int ENOTTY = 25;
  static final int EOPNOTSUPP = 95;
  static final int ENETDOWN = 100;
  static final int ENETUNREACH = 101;
  static final int EHOSTUNREACH = 113;

  private Errno() {}

  /** The C library's sentence for {@code errno}, e.g. "File exists". */
  static String text(int errno) {
    String text = NativeLibc.libc().strerror(errno);
    return text == null || text.isEmpty() ? "errno " + errno : text;
  }
}
