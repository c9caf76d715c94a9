package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.node.runtime.HijackedStream;
import java.io.IOException;

/** What a {@link StreamSession} connects the client to: a new exec, or a container's own process. */
interface RemoteProcess {

  /** Starts it (if need be) and attaches to its streams. */
  HijackedStream attach() throws IOException;

  /** How it ended, once its output has ended. */
  Status outcome();

  /** Sets its terminal's size. */
  void resize(int width, int height);

  /** A short name for logs and thread names. */
  String name();
}
