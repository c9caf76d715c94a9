package io.kubeboot.common.selector;

import io.kubeboot.common.api.ApiException;

/**
 * The backslash escaping of field selector values: {@code \\}, {@code \,} and {@code \=} stand for
 * the characters that would otherwise end a term or split it. Only values are escaped; upstream
 * supports no escaping in field names.
 */
final class FieldValueEscaping {

  private FieldValueEscaping() {
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
  }

  /** @throws ApiException 400 for an unknown escape, a trailing backslash or a bare ',' or '=' */
  static String unescape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean escaped = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (escaped) {
        if (c != '\\' && c != ',' && c != '=') {
          throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\" + c);
        }
        out.append(c);
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',' || c == '=') {
        // Upstream formats the rune with %v, which prints its code point (61 for '=').
        throw ApiException.badRequest("invalid field selector: unescaped character in value: " + (int) c);
      } else {
        out.append(c);
      }
    }
    if (escaped) {
      throw ApiException.badRequest("invalid field selector: invalid escape sequence: \\");
    }
    return out.toString();
  }
}
