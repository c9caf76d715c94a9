package io.kubeboot.common.selector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a label selector into tokens the way upstream's lexer does: identifiers run until
 * whitespace or one of {@code = ! ( ) , > <}; {@code ==} and {@code !=} are the only two-character
 * operators; {@code in} and {@code notin} are keywords only where an operator may stand (the parser
 * decides that, so {@code in in (in)} is valid).
 */
final class LabelSelectorLexer {

  enum Kind { END, IDENTIFIER, IN, NOT_IN, OPEN, CLOSE, COMMA, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS }

  /** A token and its text; upstream quotes the text in its messages, {@code ''} for the end. */
  record Token(Kind kind, String literal) {
  }

  private LabelSelectorLexer() {
  }

  static List<Token> tokens(String selector) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < selector.length() && isWhitespace(selector.charAt(i))) {
        i++;
      }
      if (i == selector.length()) {
        tokens.add(new Token(Kind.END, ""));
        return tokens;
      }
      char c = selector.charAt(i);
      if (isSymbol(c)) {
        String two = selector.startsWith("==", i) ? "==" : selector.startsWith("!=", i) ? "!=" : null;
        String symbol = two != null ? two : String.valueOf(c);
        tokens.add(new Token(symbolKind(symbol), symbol));
        i += symbol.length();
      } else {
        int start = i;
        while (i < selector.length() && !isSymbol(selector.charAt(i)) && !isWhitespace(selector.charAt(i))) {
          i++;
        }
        String word = selector.substring(start, i);
        Kind kind = switch (word) {
          case "in" -> Kind.IN;
          case "notin" -> Kind.NOT_IN;
          default -> Kind.IDENTIFIER;
        };
        tokens.add(new Token(kind, word));
      }
    }
  }

  private static Kind symbolKind(String symbol) {
    return switch (symbol) {
      case "==" -> Kind.DOUBLE_EQUALS;
      case "!=" -> Kind.NOT_EQUALS;
      case "=" -> Kind.EQUALS;
      case "!" -> Kind.NOT;
      case "(" -> Kind.OPEN;
      case ")" -> Kind.CLOSE;
      case "," -> Kind.COMMA;
      case ">" -> Kind.GREATER;
      default -> Kind.LESS;
    };
  }

  private static boolean isSymbol(char c) {
    return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
}
