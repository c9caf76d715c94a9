package io.kubeboot.scheduler.framework;

import java.util.random.RandomGenerator;

/**
 * Picks uniformly among equally scored nodes by reservoir sampling, as upstream's selectHost does,
 * so that identical nodes fill evenly instead of the first one listed filling up first.
 */
public final class RandomTieBreaker {

  private final RandomGenerator random;

  public RandomTieBreaker(RandomGenerator random) {
    this.random = random;
  }

  /** The index of a highest score, each highest equally likely; -1 for no scores. */
  public int pick(long[] scores) {
    int chosen = -1;
    long best = Long.MIN_VALUE;
    int ties = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > best) {
        best = scores[i];
        chosen = i;
        ties = 1;
      } else if (scores[i] == best && random.nextInt(++ties) == 0) {
        chosen = i;
      }
    }
    return chosen;
  }
}
