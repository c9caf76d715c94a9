package io.kubeboot.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a kube-apiserver {@code --token-auth-file}: CSV records {@code token,user,uid[,"group1,group2"]},
 * as upstream's tokenfile authenticator. Like upstream, a record with fewer than three columns makes
 * the whole file invalid, a blank token is skipped and a repeated token wins with its last record.
 */
final class TokenFile {

  private static final Logger log = LoggerFactory.getLogger(TokenFile.class);

  private TokenFile() {
  }

  static Map<String, UserInfo> read(Path path) {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + path, e);
    }
  }

  static Map<String, UserInfo> parse(String content, String source) {
    Map<String, UserInfo> users = new LinkedHashMap<>();
    List<List<String>> records = Csv.records(content.startsWith("\uFEFF") ? content.substring(1) : content);
    for (int i = 0; i < records.size(); i++) {
      List<String> record = records.get(i);
      int number = i + 1;
      if (record.size() < 3) {
        throw new IllegalArgumentException("token file '" + source
            + "' must have at least 3 columns (token, user name, user uid), found " + record.size());
      }
      String token = record.get(0).strip();
      if (token.isEmpty()) {
        log.warn("empty token has been found in token file '{}', record number '{}'", source, number);
        continue;
      }
      if (users.containsKey(token)) {
        log.warn("duplicate token has been found in token file '{}', record number '{}'", source, number);
      }
      List<String> groups = new ArrayList<>();
      if (record.size() > 3) {
        Arrays.stream(record.get(3).split(",")).map(String::strip).filter(g -> !g.isEmpty()).forEach(groups::add);
      }
      users.put(token, new UserInfo(record.get(1).strip(), record.get(2).strip(), groups));
    }
    return users;
  }

  /** RFC 4180 records as Go's encoding/csv reads them: quoted fields, {@code ""} escapes, blank lines skipped. */
  static final class Csv {

    private Csv() {
    }

    static List<List<String>> records(String text) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldStarted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.toString().isBlank()) {
          field.setLength(0); // leading spaces before a quote are trimmed (TrimLeadingSpace)
          quoted = true;
          fieldStarted = true;
        } else if (c == ',') {
          record.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
          if (fieldStarted || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
          }
          record = new ArrayList<>();
          field.setLength(0);
          fieldStarted = false;
        } else {
          field.append(c);
          fieldStarted = true;
        }
      }
      if (fieldStarted || field.length() > 0) {
        record.add(field.toString());
        records.add(record);
      }
      return records;
    }
  }
}
