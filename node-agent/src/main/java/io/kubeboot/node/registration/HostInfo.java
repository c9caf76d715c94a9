package io.kubeboot.node.registration;

import com.sun.management.OperatingSystemMXBean;
import io.kubeboot.node.NodeProperties;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the host's processors, memory, architecture and OS for the Node's capacity and nodeInfo. */
final class HostInfo {

  private HostInfo() {
  }

  static NodeFactory.Host of(NodeProperties properties, String dockerVersion) {
    String cpu = properties.cpu() != null ? properties.cpu() : Integer.toString(Runtime.getRuntime().availableProcessors());
    String memory = properties.memory() != null ? properties.memory()
        : (ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getTotalMemorySize() / 1024) + "Ki";
    return new NodeFactory.Host(cpu, memory, arch(System.getProperty("os.arch")), osImage(),
        System.getProperty("os.version"), dockerVersion);
  }

  /** Go's GOARCH names, which the kubernetes.io/arch label uses. */
  static String arch(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> javaArch;
    };
  }

  private static String osImage() {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith("PRETTY_NAME=")) {
          return line.substring("PRETTY_NAME=".length()).replace("\"", "");
        }
      }
    } catch (IOException e) {
      // fall back to the JVM's name for the OS
    }
    return System.getProperty("os.name");
  }
}
