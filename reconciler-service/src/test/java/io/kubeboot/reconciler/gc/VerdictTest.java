package io.kubeboot.reconciler.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static OwnerReference owner(String uid) {
    return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs-" + uid)
        .withUid(uid).withController(true).withBlockOwnerDeletion(true).build();
  }

  private static Map<OwnerReference, OwnerState> owners(Object... uidAndState) {
    Map<OwnerReference, OwnerState> owners = new LinkedHashMap<>();
    for (int i = 0; i < uidAndState.length; i += 2) {
      owners.put(owner((String) uidAndState[i]), (OwnerState) uidAndState[i + 1]);
    }
    return owners;
  }

  @Test
  void anObjectWithoutOwnersOrWithOwnersThatStayIsKept() {
    assertThat(Verdict.of(Map.of(), false, null)).isEqualTo(Verdict.KEEP);
    assertThat(Verdict.of(owners("a", OwnerState.PRESENT), true, null)).isEqualTo(Verdict.KEEP);
  }

  @Test
  void anObjectAllOfWhoseOwnersAreGoneIsDeletedInTheBackground() {
    Verdict verdict = Verdict.of(owners("a", OwnerState.ABSENT, "b", OwnerState.ABSENT), true, null);

    assertThat(verdict.action()).isEqualTo(Verdict.Action.DELETE);
    assertThat(verdict.propagation()).isEqualTo(DeletionPropagation.BACKGROUND);
  }

  @Test
  void anOwnerThatStaysKeepsTheObjectWhichLetsGoOfTheOthers() {
    Verdict verdict = Verdict.of(owners("gone", OwnerState.ABSENT, "stays", OwnerState.PRESENT,
        "waits", OwnerState.DELETING_DEPENDENTS), false, null);

    assertThat(verdict.action()).isEqualTo(Verdict.Action.DROP_REFERENCES);
    assertThat(verdict.dropped()).containsExactly("gone", "waits");
  }

  @Test
  void anOwnerWaitingForItsDependentsHasThemDeletedInTheForegroundWhenTheyOwnObjectsInTurn() {
    assertThat(Verdict.of(owners("a", OwnerState.DELETING_DEPENDENTS), true, null).propagation())
        .isEqualTo(DeletionPropagation.FOREGROUND);
    assertThat(Verdict.of(owners("a", OwnerState.DELETING_DEPENDENTS), false, null).propagation())
        .isEqualTo(DeletionPropagation.BACKGROUND);
  }

  @Test
  void anObjectsOwnDeletionFinalizerDecidesHowItsDependentsGoOtherwise() {
    assertThat(Verdict.of(owners("a", OwnerState.ABSENT), true, DeletionFinalizers.ORPHAN).propagation())
        .isEqualTo(DeletionPropagation.ORPHAN);
    assertThat(Verdict.of(owners("a", OwnerState.ABSENT), false, DeletionFinalizers.FOREGROUND).propagation())
        .isEqualTo(DeletionPropagation.FOREGROUND);
    assertThat(Verdict.of(owners("a", OwnerState.DELETING_DEPENDENTS), true, DeletionFinalizers.ORPHAN)
        .propagation()).isEqualTo(DeletionPropagation.FOREGROUND);
    assertThat(Verdict.of(owners("a", OwnerState.ABSENT), false, null).dropped()).isEqualTo(List.of());
  }
}
