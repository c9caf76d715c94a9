package io.kubeboot.common.selector;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.selector.LabelSelectorLexer.Kind;
import io.kubeboot.common.selector.LabelSelectorLexer.Token;
import io.kubeboot.common.selector.Requirement.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Recursive descent over the label selector grammar, with upstream's error messages:
 *
 * <pre>
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | "&gt;" | "&lt;") VALUE ]
 * </pre>
 *
 * Errors inside one requirement are prefixed {@code unable to parse requirement: }, as upstream
 * does; errors between requirements are not.
 */
final class LabelSelectorParser {

  private static final String BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

  private final List<Token> tokens;
  private int position;

  private LabelSelectorParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** The requirements in the order written; an empty or blank selector has none. */
  static List<Requirement> parse(String selector) {
    try {
      return new LabelSelectorParser(LabelSelectorLexer.tokens(selector)).selector();
    } catch (InvalidSelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private List<Requirement> selector() {
    List<Requirement> requirements = new ArrayList<>();
    while (true) {
      Token token = peek();
      switch (token.kind()) {
        case END -> {
          return requirements;
        }
        case IDENTIFIER, NOT -> {
          requirements.add(requirement());
          Token separator = next();
          if (separator.kind() == Kind.END) {
            return requirements;
          }
          if (separator.kind() != Kind.COMMA) {
            throw error("found '%s', expected: ',' or 'end of string'", separator);
          }
          Token following = peek();
          if (following.kind() != Kind.IDENTIFIER && following.kind() != Kind.NOT) {
            throw error("found '%s', expected: identifier after ','", following);
          }
        }
        default -> throw error("found '%s', expected: !, identifier, or 'end of string'", token);
      }
    }
  }

  private Requirement requirement() {
    try {
      Token first = next();
      boolean negated = first.kind() == Kind.NOT;
      Token keyToken = negated ? next() : first;
      if (keyToken.kind() != Kind.IDENTIFIER) {
        throw error("found '%s', expected: identifier", keyToken);
      }
      String key = keyToken.literal();
      List<String> keyProblems = LabelValidation.keyErrors(key);
      if (!keyProblems.isEmpty()) {
        // Upstream validates the key with a nil field path, which Go prints as "<nil>".
        throw new InvalidSelectorException(FieldError.invalid("<nil>", key, String.join("; ", keyProblems)).toString());
      }
      Kind following = peek().kind();
      if (negated) {
        return Requirement.checked(key, Operator.DOES_NOT_EXIST, List.of());
      }
      if (following == Kind.END || following == Kind.COMMA) {
        return Requirement.checked(key, Operator.EXISTS, List.of());
      }
      Operator op = operator();
      List<String> values = op == Operator.IN || op == Operator.NOT_IN ? valueSet() : exactValue();
      return Requirement.checked(key, op, values);
    } catch (InvalidSelectorException e) {
      throw new InvalidSelectorException("unable to parse requirement: " + e.getMessage());
    }
  }

  /** The only place {@code in} and {@code notin} are keywords rather than identifiers. */
  private Operator operator() {
    Token token = advance();
    return switch (token.kind()) {
      case IN -> Operator.IN;
      case NOT_IN -> Operator.NOT_IN;
      case EQUALS -> Operator.EQUALS;
      case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
      case NOT_EQUALS -> Operator.NOT_EQUALS;
      case GREATER -> Operator.GREATER_THAN;
      case LESS -> Operator.LESS_THAN;
      default -> throw error("found '%s', expected: " + BINARY_OPERATORS, token);
    };
  }

  /** {@code (a,b)}; empty entries are the empty value, so {@code ()} and {@code (a,)} select "". */
  private List<String> valueSet() {
    Token open = next();
    if (open.kind() != Kind.OPEN) {
      throw error("found '%s' expected: '('", open);
    }
    Token first = peek();
    switch (first.kind()) {
      case IDENTIFIER, COMMA -> {
        List<String> values = identifiers();
        next(); // the ')' that ended the list
        return values;
      }
      case CLOSE -> {
        next();
        return List.of("");
      }
      default -> throw error("found '%s', expected: ',', ')' or identifier", first);
    }
  }

  private List<String> identifiers() {
    TreeSet<String> values = new TreeSet<>();
    while (true) {
      Token token = next();
      switch (token.kind()) {
        case IDENTIFIER -> {
          values.add(token.literal());
          Token following = peek();
          if (following.kind() == Kind.CLOSE) {
            return new ArrayList<>(values);
          }
          if (following.kind() != Kind.COMMA) {
            throw error("found '%s', expected: ',' or ')'", following);
          }
        }
        case COMMA -> {
          Kind following = peek().kind();
          if (values.isEmpty() || following == Kind.CLOSE || following == Kind.COMMA) {
            values.add("");
          }
          if (following == Kind.CLOSE) {
            return new ArrayList<>(values);
          }
        }
        default -> throw error("found '%s', expected: ',', or identifier", token);
      }
    }
  }

  /** A missing value after {@code =} is the empty value: {@code tier=} selects tier="". */
  private List<String> exactValue() {
    Kind following = peek().kind();
    if (following == Kind.END || following == Kind.COMMA) {
      return List.of("");
    }
    Token token = next();
    if (token.kind() != Kind.IDENTIFIER) {
      throw error("found '%s', expected: identifier", token);
    }
    return List.of(token.literal());
  }

  /** The next token where a value may stand: {@code in} and {@code notin} read as identifiers. */
  private Token peek() {
    return asValue(tokens.get(position));
  }

  private Token next() {
    return asValue(advance());
  }

  private Token advance() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.END) {
      position++;
    }
    return token;
  }

  private static Token asValue(Token token) {
    return token.kind() == Kind.IN || token.kind() == Kind.NOT_IN ? new Token(Kind.IDENTIFIER, token.literal()) : token;
  }

  private static InvalidSelectorException error(String format, Token token) {
    return new InvalidSelectorException(String.format(format, token.literal()));
  }
}
