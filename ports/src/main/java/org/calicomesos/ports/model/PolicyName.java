package org.calicomesos.ports.model;

import java.util.regex.Pattern;

/**
 * The name of a network policy, as Calico names resources: lower-case letters, digits, '-' and '.', starting and
 * ending with a letter or digit, at most 253 characters (a DNS subdomain). It is part of a datastore key.
 */
public record PolicyName(String value) {
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

  public PolicyName {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException("policy name is missing");
    }
    if (value.length() > 253) {
      throw new InvalidRequestException("policy name is longer than 253 characters");
    }
    if (!DNS_SUBDOMAIN.matcher(value).matches() || value.contains("..")) {
      throw new InvalidRequestException("policy name '" + Excerpt.of(value) + "' may hold only lower-case letters, "
          + "digits, '-' and '.', starting and ending with a letter or digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
