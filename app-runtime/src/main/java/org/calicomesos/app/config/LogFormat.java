package org.calicomesos.app.config;

/** How each log line is written ({@code CALICO_LOG_FORMAT}): plain text for people, or one JSON object for tools. */
public enum LogFormat {
  TEXT,
  JSON
}
