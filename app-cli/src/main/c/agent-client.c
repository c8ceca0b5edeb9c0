/*
 * calico-mesos-agent-client: the plugin's fast path when `calico-mesos agent` serves requests.
 * bin/calico-mesos execs it in plugin mode when the agent's socket file exists; it is built beside the jar
 * (static, so that it starts in well under a millisecond: no dynamic loader, no interpreter) and hands the
 * request to the agent in the frame AgentWire reads: the header line naming the protocol, the environment as
 * NUL-terminated NAME=value entries and one more NUL, then stdin as read (at most 1 MiB + 1 byte, so that the
 * agent can tell a request that is too long). The agent answers with the line "calico-mesos/2 exit N" and the
 * plugin's stdout; this prints that stdout and exits N. It knows nothing of any protocol but how to say an
 * error of its own in it.
 *
 * Usage (bin/calico-mesos only): calico-mesos-agent-client SOCKET WAIT_SECONDS PROTOCOL LAUNCHER
 * where PROTOCOL is net-modules, cni or cni-ipam. A CNI request is read before connecting, since its network
 * configuration may name the agent's socket (a top-level "agent_socket" string), which then replaces SOCKET.
 *
 * WAIT_SECONDS bounds the whole exchange, connecting included. When systemd holds the socket
 * (packaging/systemd/calico-mesos-agent.socket), a connection succeeds even while the agent restarts: the request
 * waits in the socket's queue for the next agent, and the answer is waited for as for any other.
 *
 * Outcomes, each leaving exactly one answer on stdout:
 *   - an answer: print it; exit with the status the agent sent;
 *   - no connection (no agent behind the socket file): run LAUNCHER again with stdin untouched and
 *     CALICO_MESOS_AGENT_TRIED set, which answers in-process and logs that the agent was not there (set to
 *     "!absent" when there is no socket file at all, which it does not log);
 *   - the agent let go of the connection before it had read the whole request (so it did nothing: it stopped with
 *     the request queued, or hands requests back): connect and send it again, since systemd's socket queues it for
 *     the next agent; after MAX_ATTEMPTS, or when nobody listens any more, the launcher answers as above, with the
 *     request fed back through a pipe;
 *   - the agent answered in another wire version (an agent older than this launcher, not yet restarted): the
 *     launcher answers, likewise;
 *   - the agent closed, or overran WAIT_SECONDS, without answering (it stopped mid-request), or did not take the
 *     connection within WAIT_SECONDS (its queue stayed full): one error in the protocol's form, and the request
 *     may be repeated.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define WIRE "calico-mesos/2"
#define MAX_REQUEST_BYTES (1048576 + 1)
#define MAX_PROTOCOL_BYTES 32
/* Sends of a request the agent let go of unread: enough for an agent killed with requests queued to be replaced
   behind systemd's socket, few enough that an agent handing every request back costs no more than a moment. */
#define MAX_ATTEMPTS 3

extern char **environ;

static const char *socket_path;
static const char *protocol;
static const char *launcher;
/* No socket file at all (CNI runs this client without looking first): no agent is configured, nothing to warn of. */
static int socket_absent;
/* CLOCK_MONOTONIC seconds by which the agent must have answered (WAIT_SECONDS from the start). */
static double deadline;
static long wait_seconds;

/* Text as it may appear inside a JSON string. */
static void print_json_text(const char *text) {
  for (const char *c = text; *c; c++) {
    putchar(*c == '\\' || *c == '"' || (unsigned char)*c < 0x20 ? '?' : *c);
  }
}

static int speaks_cni(void) {
  return strcmp(protocol, "net-modules") != 0;
}

/*
 * An error of this client's own, in the protocol's error form; then exit 1. net-modules: {"error": "..."}; CNI:
 * an error object with code 11, "try again later": each of these errors is the agent going away mid-request.
 */
static void fail(const char *before_path, const char *after_path) {
  printf(speaks_cni() ? "{\"cniVersion\":\"1.1.0\",\"code\":11,\"msg\":\"" : "{\"error\":\"");
  print_json_text(before_path);
  if (after_path != NULL) {
    print_json_text(socket_path);
    print_json_text(after_path);
  }
  printf("\"}\n");
  exit(1);
}

static void answer_in_process(void) {
  setenv("CALICO_MESOS_AGENT_TRIED", socket_absent ? "!absent" : socket_path, 1);
  execl("/bin/sh", "/bin/sh", launcher, (char *)NULL);
  fail("calico-mesos could not run its launcher again", NULL);
}

/* The agent stopped mid-request: `what` says how, e.g. "closed the connection without answering". */
static void closed(const char *what) {
  char after[256];
  snprintf(after, sizeof after, " %s (it stopped, or overran CALICO_REQUEST_TIMEOUT); the request may or may not"
           " have taken effect, and repeating it is safe", what);
  fail("the calico-mesos agent on ", after);
}

/* The agent refused the frame before it had all of it, so it did nothing: answer in-process instead. */
static void answer_in_process_with(const char *request, size_t length) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) {
    closed("refused the request, and this client could not hand it to the launcher instead");
  }
  pid_t writer = fork();
  if (writer < 0) {
    closed("refused the request, and this client could not hand it to the launcher instead");
  }
  if (writer == 0) {
    close(pipe_ends[0]);
    for (size_t written = 0; written < length;) {
      ssize_t n = write(pipe_ends[1], request + written, length - written);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        _exit(1);
      }
      written += (size_t)n;
    }
    _exit(0);
  }
  close(pipe_ends[1]);
  if (dup2(pipe_ends[0], STDIN_FILENO) < 0) {
    closed("refused the request, and this client could not hand it to the launcher instead");
  }
  close(pipe_ends[0]);
  answer_in_process();
}

static double now_seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

/* The agent did not take the request before the deadline (its queue stayed full, or it stopped reading). */
static void not_taken_in_time(void) {
  char after[256];
  snprintf(after, sizeof after, " did not take the request within %ld s (it is stuck, or still starting); it did"
           " nothing with it, and repeating it is safe", wait_seconds);
  fail("the calico-mesos agent on ", after);
}

/* Blocking connect and send wait at most until the deadline: with a full queue, connect would wait for ever. */
static void bound_by_deadline(int agent) {
  double left = deadline - now_seconds();
  if (left <= 0) {
    not_taken_in_time();
  }
  struct timeval timeout = {.tv_sec = (time_t)left, .tv_usec = (suseconds_t)((left - (double)(time_t)left) * 1e6)};
  setsockopt(agent, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
}

static int connect_to_agent(void) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(socket_path) >= sizeof address.sun_path) {
    return -1;
  }
  strcpy(address.sun_path, socket_path);
  int agent = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (agent < 0) {
    return -1;
  }
  bound_by_deadline(agent);
  while (connect(agent, (struct sockaddr *)&address, sizeof address) != 0) {
    if (errno == EAGAIN) {
      not_taken_in_time();
    }
    if (errno != EINTR) {
      socket_absent = errno == ENOENT;
      close(agent);
      return -1;
    }
  }
  return agent;
}

/* The string value of a top-level-looking "agent_socket" key in a CNI network configuration, if plain (no
   escapes); the plugin validates it like every setting, so a socket named wrongly here only costs a fallback. */
static const char *agent_socket_in(char *request, size_t length) {
  static const char key[] = "\"agent_socket\"";
  char *end = request + length;
  for (char *at = memmem(request, length, key, sizeof key - 1); at != NULL;
       at = memmem(at + 1, (size_t)(end - at - 1), key, sizeof key - 1)) {
    if (at > request && at[-1] == '\\') {
      continue; /* inside another string */
    }
    char *c = at + sizeof key - 1;
    while (c < end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')) c++;
    if (c >= end || *c++ != ':') continue;
    while (c < end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')) c++;
    if (c >= end || *c++ != '"') continue;
    char *close = memchr(c, '"', (size_t)(end - c));
    if (close == NULL || memchr(c, '\\', (size_t)(close - c)) != NULL || close == c) return NULL;
    size_t n = (size_t)(close - c);
    char *value = malloc(n + 1);
    if (value == NULL) return NULL;
    memcpy(value, c, n);
    value[n] = '\0';
    return value;
  }
  return NULL;
}

/* How one connection went: answered (or closed: judged by what came), or let go of before the agent had the whole
   request, so that it did nothing with it. */
enum exchange { ANSWERED, LET_GO };

/* Sends the frame on `agent` and reads what comes back into *response (grown as needed), until the deadline. */
static enum exchange exchange(int agent, const char *frame, size_t frame_bytes, char **response, size_t *capacity,
                              size_t *length) {
  for (size_t sent = 0; sent < frame_bytes;) {
    bound_by_deadline(agent);
    ssize_t n = send(agent, frame + sent, frame_bytes - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0 && errno == EAGAIN) {
      not_taken_in_time(); /* what it got is a truncated request, which it refuses */
    }
    if (n <= 0) {
      return LET_GO;
    }
    sent += (size_t)n;
  }
  shutdown(agent, SHUT_WR);

  char did_not_answer[64];
  snprintf(did_not_answer, sizeof did_not_answer, "did not answer within %ld s", wait_seconds);
  *length = 0;
  while (1) {
    double left = deadline - now_seconds();
    if (left <= 0) {
      closed(did_not_answer);
    }
    struct pollfd ready = {.fd = agent, .events = POLLIN};
    int polled = poll(&ready, 1, (int)(left * 1000) + 1);
    if (polled < 0 && errno != EINTR) {
      break;
    }
    if (polled <= 0) {
      continue;
    }
    if (*length == *capacity) {
      *capacity *= 2;
      *response = realloc(*response, *capacity);
      if (*response == NULL) {
        closed("answered more than this client can hold");
      }
    }
    ssize_t n = read(agent, *response + *length, *capacity - *length);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0 && errno == ECONNRESET && *length == 0) {
      /* The kernel resets a connection closed with data still unread: the agent went without reading all of it. */
      return LET_GO;
    }
    if (n <= 0) {
      break; /* the end of the answer, or the connection reset (then it is judged by what came) */
    }
    *length += (size_t)n;
  }
  return ANSWERED;
}

int main(int argc, char **argv) {
  if (argc != 5 || (strcmp(argv[3], "net-modules") != 0 && strcmp(argv[3], "cni") != 0
      && strcmp(argv[3], "cni-ipam") != 0)) {
    printf("{\"error\":\"calico-mesos-agent-client is run by bin/calico-mesos, with a socket, a wait, the protocol"
           " (net-modules, cni or cni-ipam) and the launcher\"}\n");
    return 1;
  }
  socket_path = argv[1];
  wait_seconds = strtol(argv[2], NULL, 10);
  protocol = argv[3];
  launcher = argv[4];
  if (wait_seconds <= 0) {
    wait_seconds = 8;
  }
  deadline = now_seconds() + (double)wait_seconds;

  /* net-modules connects first, so that without an agent the launcher gets stdin untouched. */
  int agent = -1;
  if (!speaks_cni()) {
    agent = connect_to_agent();
    if (agent < 0) {
      answer_in_process();
    }
  }

  /* One buffer for the whole frame, so that it goes out in as few writes as the socket allows. */
  size_t environment_bytes = 0;
  for (char **entry = environ; *entry; entry++) {
    environment_bytes += strlen(*entry) + 1;
  }
  char header[sizeof WIRE + MAX_PROTOCOL_BYTES + 16];
  snprintf(header, sizeof header, WIRE " plugin %s\n", protocol);
  size_t prefix_bytes = strlen(header) + environment_bytes + 1;
  char *frame = malloc(prefix_bytes + MAX_REQUEST_BYTES);
  if (frame == NULL) {
    fail("the calico-mesos agent on ", " could not be reached (out of memory)");
  }
  char *end = stpcpy(frame, header);
  for (char **entry = environ; *entry; entry++) {
    end = stpcpy(end, *entry) + 1; /* keeps the NUL */
  }
  *end++ = '\0';
  char *request = end;
  size_t request_bytes = 0;
  while (request_bytes < MAX_REQUEST_BYTES) {
    ssize_t n = read(STDIN_FILENO, request + request_bytes, MAX_REQUEST_BYTES - request_bytes);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;
    }
    request_bytes += (size_t)n;
  }
  if (speaks_cni()) {
    const char *named = agent_socket_in(request, request_bytes);
    if (named != NULL) {
      socket_path = named;
    }
  }

  size_t frame_bytes = prefix_bytes + request_bytes;
  size_t capacity = 65536, length = 0;
  char *response = malloc(capacity);
  if (response == NULL) {
    closed("could not be read (out of memory)");
  }
  for (int attempt = 1;; attempt++) {
    if (agent < 0) {
      agent = connect_to_agent();
      if (agent < 0) {
        socket_absent = socket_absent && attempt == 1; /* gone since the last attempt: it let go of the request */
        answer_in_process_with(request, request_bytes);
      }
    }
    enum exchange outcome = exchange(agent, frame, frame_bytes, &response, &capacity, &length);
    close(agent);
    agent = -1;
    if (outcome == ANSWERED) {
      break;
    }
    if (attempt == MAX_ATTEMPTS) {
      answer_in_process_with(request, request_bytes);
    }
  }
  if (length == 0) {
    closed("closed the connection without answering");
  }
  /* "calico-mesos/2 exit N\n", then the plugin's stdout. Anything else is an agent older than this client: it
     did not take the request in this form, so it did nothing with it. */
  static const char status_line[] = WIRE " exit ";
  size_t status_bytes = sizeof status_line - 1;
  char *newline = memchr(response, '\n', length);
  if (length < status_bytes + 2 || memcmp(response, status_line, status_bytes) != 0 || newline == NULL) {
    answer_in_process_with(request, request_bytes);
  }
  int status = atoi(response + status_bytes);
  char *answer = newline + 1;
  size_t answer_bytes = length - (size_t)(answer - response);
  while (answer_bytes > 0 && answer[answer_bytes - 1] == '\n') {
    answer_bytes--;
  }
  if (answer_bytes > 0) { /* a CNI DEL, CHECK, GC or STATUS answers nothing when it succeeds */
    fwrite(answer, 1, answer_bytes, stdout);
    putchar('\n');
  }
  return status == 0 ? 0 : 1;
}
