package io.kubeboot.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The media types a client accepts, in its order of preference: by quality, then as written, the
 * way upstream's content negotiation reads {@code Accept} (kubectl lists its first choice first).
 */
public final class AcceptHeader {

  private AcceptHeader() {
  }

  public static List<MediaType> preferences(String accept) {
    if (accept == null || accept.isBlank()) {
      return List.of(MediaType.ALL);
    }
    List<MediaType> types;
    try {
      types = new ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (InvalidMediaTypeException e) {
      return List.of(MediaType.ALL);
    }
    types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed()); // stable
    return types;
  }

  /**
   * Walks the preferences and returns what {@code choice} makes of the first type it accepts
   * (non-empty), or empty if a plain JSON type comes first or nothing matches.
   */
  public static <T> Optional<T> firstChoice(String accept, Function<MediaType, Optional<T>> choice) {
    for (MediaType type : preferences(accept)) {
      Optional<T> chosen = choice.apply(type);
      if (chosen.isPresent()) {
        return chosen;
      }
      if (isPlainJson(type)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code application/json}, {@code application/*} or {@code *}{@code /*} without an {@code as=} transformation. */
  public static boolean isPlainJson(MediaType type) {
    return type.getParameter("as") == null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
  }
}
