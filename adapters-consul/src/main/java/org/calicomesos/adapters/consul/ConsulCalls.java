package org.calicomesos.adapters.consul;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import retrofit2.Call;
import retrofit2.Response;

/** Runs one HTTP call to Consul and turns transport failures and refusals into the port's typed errors. */
final class ConsulCalls {
  private final ConsulSettings settings;

  ConsulCalls(ConsulSettings settings) {
    this.settings = settings;
  }

  /**
   * The response, whatever its status (the caller decides which are fine).
   *
   * @throws DatastoreUnavailableException when Consul cannot be reached or does not answer in time
   */
  <T> Response<T> execute(Call<T> call) {
    try {
      return call.execute();
    } catch (InterruptedIOException e) {
      throw new DatastoreUnavailableException(settings.describe(),
          "no answer within " + settings.requestTimeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new DatastoreUnavailableException(settings.describe(), String.valueOf(e.getMessage()), e);
    }
  }

  /** The error for a response Consul refused; {@code action} says what was tried ("update /calico/x"). */
  DatastoreException refused(String action, Response<?> response) {
    String body = errorBody(response);
    if (response.code() == 403 || body.contains("Permission denied") || body.contains("ACL not found")) {
      return permissionDenied(action, body);
    }
    return new DatastoreException("cannot " + action + ": " + settings.describe() + " answered "
        + response.code() + ": " + body);
  }

  /** Consul's ACLs refused: say which token is meant, never what it is. */
  DatastoreException permissionDenied(String action, String consulSaid) {
    String whose = settings.token().isPresent() ? "the token in CONSUL_HTTP_TOKEN lacks"
        : "no token is set (CONSUL_HTTP_TOKEN) and the anonymous token lacks";
    return new DatastoreException("cannot " + action + ": " + whose + " permission for it on "
        + settings.describe() + " (Consul said: " + consulSaid.trim() + ")");
  }

  String errorBody(Response<?> response) {
    try (okhttp3.ResponseBody body = response.errorBody()) {
      String text = body == null ? "" : body.string();
      // Consul does not echo tokens today; this keeps it so if a version ever does.
      if (settings.token().isPresent()) {
        text = text.replace(settings.token().get(), "<token>");
      }
      return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    } catch (IOException e) {
      return response.message();
    }
  }
}
