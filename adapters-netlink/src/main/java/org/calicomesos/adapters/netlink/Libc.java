package org.calicomesos.adapters.netlink;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls this adapter needs, and nothing else: every native call of the module goes through here.
 * Buffers are direct, so jnr passes their address instead of copying; callers always pass position 0.
 */
public interface Libc {
  int AF_NETLINK = 16;
  int SOCK_RAW = 3;
  int SOCK_CLOEXEC = 0x80000;
  int NETLINK_ROUTE = 0;
  int O_RDONLY = 0;
  int O_CLOEXEC = 0x80000;
  int CLONE_NEWNET = 0x40000000;
  /** {@code _IO(0xb7, 0x3)} from linux/nsfs.h: which kind of namespace an nsfs file is. */
  long NS_GET_NSTYPE = 0xb703L;

  @SaveError
  int socket(int domain, int type, int protocol);

  @SaveError
  int bind(int fd, @In ByteBuffer address, int addressLength);

  @SaveError
  @ssize_t
  long send(int fd, @In ByteBuffer buffer, @size_t long length, int flags);

  @SaveError
  @ssize_t
  long recv(int fd, @Out ByteBuffer buffer, @size_t long length, int flags);

  @SaveError
  int close(int fd);

  @SaveError
  int open(CharSequence path, int flags);

  @SaveError
  int setns(int fd, int nstype);

  @SaveError
  int ioctl(int fd, long request);

  String strerror(int errno);
}
