package org.calicomesos.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;
import org.calicomesos.core.cas.Codec;
import org.calicomesos.ports.kv.CorruptValueException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.model.InvalidRequestException;
import org.calicomesos.ports.policy.rule.InvalidPolicyException;
import org.calicomesos.ports.policy.selector.InvalidSelectorException;

/**
 * A {@link Codec} from a pair of tree functions. Any failure to read becomes a {@link CorruptValueException}
 * naming the key, so a bad record is reported as data, never as a crash.
 */
public final class TreeCodec {
  private TreeCodec() {}

  public static <V> Codec<V> of(Function<JsonNode, V> decode, Function<V, JsonNode> encode) {
    return new Codec<>() {
      @Override
      public V decode(Entry entry) {
        try {
          return decode.apply(JsonTree.parse(entry.value()));
        } catch (JsonProcessingException e) {
          throw new CorruptValueException(entry.key(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new CorruptValueException(entry.key(), "unreadable: " + e.getMessage());
        } catch (IllegalArgumentException | InvalidRequestException | InvalidPolicyException | InvalidSelectorException
            | ArithmeticException e) {
          throw new CorruptValueException(entry.key(), e.getMessage());
        }
      }

      @Override
      public String encode(V value) {
        return JsonTree.write(encode.apply(value));
      }
    };
  }
}
