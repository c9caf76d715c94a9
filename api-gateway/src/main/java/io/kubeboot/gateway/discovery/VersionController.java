package io.kubeboot.gateway.discovery;

import io.fabric8.kubernetes.api.model.version.Info;
import io.fabric8.kubernetes.api.model.version.InfoBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /version}. The {@code minor} matters: the kubectl dispatcher on these machines runs the
 * bundled kubectl of the same minor version, and kubectl warns when client and server are more
 * than one minor apart. kubeboot claims the API of Kubernetes 1.33.
 */
@RestController
class VersionController {

  static final String MAJOR = "1";
  static final String MINOR = "33";
  static final String GIT_VERSION = "v" + MAJOR + "." + MINOR + ".0-kubeboot";

  private final Info info;

  VersionController(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    Instant built = properties == null || properties.getTime() == null ? Instant.EPOCH : properties.getTime();
    info = new InfoBuilder()
        .withMajor(MAJOR).withMinor(MINOR)
        .withEmulationMajor(MAJOR).withEmulationMinor(MINOR)
        .withMinCompatibilityMajor(MAJOR).withMinCompatibilityMinor(String.valueOf(Integer.parseInt(MINOR) - 1))
        .withGitVersion(GIT_VERSION)
        .withGitCommit(properties == null ? "" : properties.getVersion())
        .withGitTreeState("clean")
        .withBuildDate(built.truncatedTo(ChronoUnit.SECONDS).toString())
        // Fields named for Go; they carry the truth about this server.
        .withGoVersion("java" + Runtime.version())
        .withCompiler("javac")
        .withPlatform(platform())
        .build();
  }

  @GetMapping("/version")
  ResponseEntity<Info> version() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(info);
  }

  /** Go's GOOS/GOARCH spelling, e.g. {@code linux/amd64}. */
  static String platform() {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).split(" ")[0];
    String arch = switch (System.getProperty("os.arch", "unknown")) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> System.getProperty("os.arch");
    };
    return os + "/" + arch;
  }
}
