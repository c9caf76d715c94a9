package io.kubeboot.common.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a label key or value valid, with upstream's wording ({@code content.IsLabelKey} and
 * {@code IsLabelValue}): selectors reject what objects could never carry, and the same rules serve
 * the validation of {@code metadata.labels}. Each method returns the problems, empty when valid.
 */
public final class LabelValidation {

  private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
  private static final String NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', "
      + "and must start and end with an alphanumeric character";

  private static final String VALUE_FORMAT = "(" + NAME_FORMAT + ")?";
  private static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);
  private static final String VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric "
      + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";

  private static final String SUBDOMAIN_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
  private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case "
      + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

  private static final int NAME_MAX = 63;
  private static final int VALUE_MAX = 63;
  private static final int SUBDOMAIN_MAX = 253;

  private LabelValidation() {
  }

  /** A key is an optional DNS-subdomain prefix and '/' followed by a name of at most 63 characters. */
  public static List<String> keyErrors(String key) {
    List<String> errors = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      errors.add("a valid label key " + regexError(NAME_MESSAGE, NAME_FORMAT, "MyName", "my.name", "123-abc")
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        subdomainErrors(prefix).forEach(e -> errors.add("prefix part " + e));
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (name.length() > NAME_MAX) {
      errors.add("name part " + maxLengthError(NAME_MAX));
    }
    if (!NAME.matcher(name).matches()) {
      errors.add("name part " + regexError(NAME_MESSAGE, NAME_FORMAT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /** A value is empty, or up to 63 alphanumerics with '-', '_' and '.' inside. */
  public static List<String> valueErrors(String value) {
    return formatErrors(value, VALUE_MAX, VALUE,
        regexError(VALUE_MESSAGE, VALUE_FORMAT, "MyValue", "my_value", "12345"));
  }

  private static List<String> subdomainErrors(String value) {
    return formatErrors(value, SUBDOMAIN_MAX, SUBDOMAIN,
        regexError(SUBDOMAIN_MESSAGE, SUBDOMAIN_FORMAT, "example.com"));
  }

  /** Upstream reports a value that is both too long and malformed with both messages. */
  private static List<String> formatErrors(String value, int maxLength, Pattern format, String formatError) {
    List<String> errors = new ArrayList<>();
    if (value.length() > maxLength) {
      errors.add(maxLengthError(maxLength));
    }
    if (!format.matcher(value).matches()) {
      errors.add(formatError);
    }
    return errors;
  }

  // The wording of the servers kubectl 1.32/1.33 talk to; newer upstream says "bytes".
  private static String maxLengthError(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String regexError(String message, String format, String... examples) {
    StringBuilder s = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      s.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(format).append("')").toString();
  }
}
