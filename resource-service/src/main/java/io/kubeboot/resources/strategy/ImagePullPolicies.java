package io.kubeboot.resources.strategy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upstream's default {@code imagePullPolicy}: {@code Always} when the image's tag is
 * {@code latest} or there is neither tag nor digest (Docker then means latest), otherwise
 * {@code IfNotPresent}. An image that is not a valid reference also gets {@code IfNotPresent},
 * as upstream ignores the parse error there.
 */
final class ImagePullPolicies {

  // the grammar of github.com/distribution/reference, which upstream's parsers.ParseImageName uses
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
      + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");

  private ImagePullPolicies() {
  }

  static String defaultFor(String image) {
    return "latest".equals(tag(image)) ? "Always" : "IfNotPresent";
  }

  /** The tag upstream derives: the explicit one, "latest" when neither tag nor digest, "" when unparseable. */
  static String tag(String image) {
    Matcher matcher = REFERENCE.matcher(Nulls.string(image));
    if (!matcher.matches() || matcher.group(1).length() > 255) {
      return "";
    }
    String tag = matcher.group(2);
    if (tag != null) {
      return tag;
    }
    return matcher.group(3) == null ? "latest" : "";
  }
}
