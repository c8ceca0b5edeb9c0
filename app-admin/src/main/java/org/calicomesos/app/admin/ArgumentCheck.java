package org.calicomesos.app.admin;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.calicomesos.ports.model.InvalidRequestException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Validates command-line values with the ports' own parsers, so an operator reads the same message as in the
 * plugin's responses; a value they reject is a usage error (exit 2), found before any datastore is touched.
 */
public final class ArgumentCheck {
  private ArgumentCheck() {}

  /** The parsed value, or a usage error carrying the parser's message. */
  public static <T> T parse(CommandSpec command, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InvalidRequestException e) {
      throw new ParameterException(command.commandLine(), e.getMessage(), e);
    }
  }

  /** As {@link #parse}, for an option that may be left out ({@code text} null): empty then. */
  public static <T> Optional<T> parseOptional(CommandSpec command, String text, Function<String, T> parser) {
    return text == null ? Optional.empty() : Optional.of(parse(command, () -> parser.apply(text)));
  }
}
