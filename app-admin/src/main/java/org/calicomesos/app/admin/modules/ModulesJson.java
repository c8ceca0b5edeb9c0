package org.calicomesos.app.admin.modules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.calicomesos.app.admin.output.JsonDocument;

/**
 * The modules.json a Mesos agent loads the net-modules isolator with: one library, its isolator module running
 * {@code plugin} for both IPAM and isolation, and its hook module (which passes the task's network info on).
 * Built as a JSON tree, so no path can break the document's syntax.
 */
record ModulesJson(String library, String plugin) {
  static final String ISOLATOR_MODULE = "com_mesosphere_mesos_NetworkIsolator";
  static final String HOOK_MODULE = "com_mesosphere_mesos_NetworkHook";

  ObjectNode toJson() {
    ArrayNode parameters = JsonDocument.array()
        .add(parameter("ipam_command", plugin))
        .add(parameter("isolator_command", plugin));
    ArrayNode modules = JsonDocument.array()
        .add(JsonDocument.object().put("name", ISOLATOR_MODULE).set("parameters", parameters))
        .add(JsonDocument.object().put("name", HOOK_MODULE));
    ObjectNode file = JsonDocument.object().put("file", library);
    file.set("modules", modules);
    ObjectNode document = JsonDocument.object();
    document.set("libraries", JsonDocument.array().add(file));
    return document;
  }

  private static ObjectNode parameter(String key, String value) {
    return JsonDocument.object().put("key", key).put("value", value);
  }
}
