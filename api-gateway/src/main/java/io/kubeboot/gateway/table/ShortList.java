package io.kubeboot.gateway.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's way of printing long address lists in one cell: the first three, then
 * {@code + N more...}.
 */
final class ShortList {

  private static final int SHOWN = 3;

  private final List<String> shown = new ArrayList<>();
  private int count;

  void add(String value) {
    if (shown.size() < SHOWN) {
      shown.add(value);
    }
    count++;
  }

  /** @param empty what an empty list prints as */
  String print(String empty) {
    if (count == 0) {
      return empty;
    }
    String joined = String.join(",", shown);
    return count > SHOWN ? joined + " + " + (count - SHOWN) + " more..." : joined;
  }
}
