package org.calicomesos.app.cni;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.calicomesos.app.pipeline.ErrorSentences;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.core.json.JsonTree;

/**
 * The CNI plugin's answers on stdout: a result, a VERSION answer, nothing (DEL, CHECK, GC, STATUS succeed
 * silently), or an error object {@code {"cniVersion":..,"code":N,"msg":".."}} with a failing exit status.
 */
final class CniResponses {
  /** An error's {@code msg} stays one short line, however long the failure's text. */
  static final int MAX_MESSAGE_CHARS = 1000;

  private CniResponses() {}

  static PluginResponse result(CniResult result, CniVersion version) {
    return success(JsonTree.write(CniResultJson.of(result, version)) + "\n");
  }

  static PluginResponse nothing() {
    return success("");
  }

  static PluginResponse version(CniVersion version) {
    ObjectNode json = JsonTree.object().put("cniVersion", version.toString());
    ArrayNode supported = json.putArray("supportedVersions");
    CniVersion.supported().forEach(supported::add);
    return success(JsonTree.write(json) + "\n");
  }

  static PluginResponse error(CniVersion version, CniErrorCode code, String sentence) {
    String message = ErrorSentences.oneLine(sentence, MAX_MESSAGE_CHARS);
    ObjectNode json = JsonTree.object().put("cniVersion", version.toString()).put("code", code.code())
        .put("msg", message);
    return new PluginResponse((JsonTree.write(json) + "\n").getBytes(StandardCharsets.UTF_8), false, message);
  }

  private static PluginResponse success(String body) {
    return new PluginResponse(body.getBytes(StandardCharsets.UTF_8), true, null);
  }
}
