package io.kubeboot.resources.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string checks of upstream's {@code k8s.io/apimachinery/pkg/util/validation}: each returns
 * upstream's messages (empty when valid), worded exactly as kubectl prints them, including the
 * quirky {@code (e.g. 'my-name',  or '123-abc', regex used for validation is '...')} examples.
 */
final class StringFormats {

  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String CONFIG_KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final String PERCENT_FMT = "[0-9]+%";

  private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern CONFIG_KEY = Pattern.compile(CONFIG_KEY_FMT);
  private static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");

  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

  private StringFormats() {
  }

  static List<String> dns1123Label(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!DNS1123_LABEL.matcher(value).matches()) {
      if (DNS1123_SUBDOMAIN.matcher(value).matches()) {
        // a valid subdomain within the length limit: it can only be the dots
        errors.add("must not contain dots");
      } else {
        errors.add(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
            + " and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errors;
  }

  static List<String> dns1123Subdomain(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 253) {
      errors.add(maxLength(253));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errors.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errors;
  }

  static List<String> dns1035Label(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errors.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errors;
  }

  /** Label keys, annotation keys, finalizers: an optional DNS subdomain prefix and a name. */
  static List<String> qualifiedName(String value) {
    List<String> errors = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      name = parts[1];
      if (parts[0].isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(parts[0]).forEach(msg -> errors.add("prefix part " + msg));
      }
    } else {
      return List.of("a qualified name " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name",
          "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errors.add("name part " + maxLength(63));
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errors.add("name part " + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > 63) {
      errors.add(maxLength(63));
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errors.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, "MyValue", "my_value",
          "12345"));
    }
    return errors;
  }

  static List<String> portNumber(int port) {
    return port >= 1 && port <= 65535 ? List.of() : List.of(inclusiveRange(1, 65535));
  }

  /** IANA_SVC_NAME: what a named container or service port must be. */
  static List<String> portName(String name) {
    List<String> errors = new ArrayList<>();
    if (name.length() > 15) {
      errors.add(maxLength(15));
    }
    if (!PORT_NAME_CHARSET.matcher(name).matches()) {
      errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!name.chars().anyMatch(c -> c >= 'a' && c <= 'z')) {
      errors.add("must contain at least one letter (a-z)");
    }
    if (name.contains("--")) {
      errors.add("must not contain consecutive hyphens");
    }
    if (!name.isEmpty() && (name.startsWith("-") || name.endsWith("-"))) {
      errors.add("must not begin or end with a hyphen");
    }
    return errors;
  }

  static List<String> configMapKey(String key) {
    List<String> errors = new ArrayList<>();
    if (key.length() > 253) {
      errors.add(maxLength(253));
    }
    if (!CONFIG_KEY.matcher(key).matches()) {
      errors.add(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
          CONFIG_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
    }
    if (key.equals(".")) {
      errors.add("must not be '.'");
    } else if (key.equals("..")) {
      errors.add("must not be '..'");
    } else if (key.startsWith("..")) {
      errors.add("must not start with '..'");
    }
    return errors;
  }

  static List<String> percent(String value) {
    return PERCENT.matcher(value).matches() ? List.of()
        : List.of(regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT,
            "1%", "93%"));
  }

  static String maxLength(int length) {
    return "must be no more than " + length + " characters";
  }

  static String inclusiveRange(long low, long high) {
    return "must be between " + low + " and " + high + ", inclusive";
  }

  private static String regexError(String message, String regex, String... examples) {
    StringBuilder s = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      // upstream joins with " or " after a trailing ", ", hence the double space kubectl shows
      s.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(regex).append("')").toString();
  }
}
