package org.calicomesos.app.admin.output;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How a command prints its result: aligned text for people, or one JSON document for scripts. */
public enum OutputFormat {
  TABLE,
  JSON;

  /** Reads {@code table} or {@code json}, in any case. */
  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String text) {
      for (OutputFormat format : values()) {
        if (format.name().equalsIgnoreCase(text.strip())) {
          return format;
        }
      }
      throw new TypeConversionException("expected 'table' or 'json', got '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
