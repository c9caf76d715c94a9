package io.kubeboot.e2e.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed single-threaded workload timed before and after a benchmark's measured part, printed
 * beside its figures. The virtual machines benchmarks run on here change speed from one hour to
 * the next (the same SHA-256 of 1 GiB by sha256sum took from 2.6 s to 4.2 s within an hour);
 * without such a reference, a slower machine reads as slower code.
 */
final class MachineSpeed {

  private static final int MEBIBYTES = 256;

  private MachineSpeed() {
  }

  /** Seconds one thread takes to hash {@value #MEBIBYTES} MiB with SHA-256: the best of three, once compiled. */
  static double sha256Seconds() {
    hash(MEBIBYTES); // compiled before it is timed
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      hash(MEBIBYTES);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return best;
  }

  private static void hash(int mebibytes) {
    byte[] block = new byte[1 << 20];
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < mebibytes; i++) {
        digest.update(block);
      }
      digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** "sha256 of 256 MiB on one thread: 0.71 s" */
  static String reference(double seconds) {
    return String.format("sha256 of %d MiB on one thread: %.2f s", MEBIBYTES, seconds);
  }
}
