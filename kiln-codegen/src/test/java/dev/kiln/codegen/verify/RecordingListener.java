package dev.kiln.codegen.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A listener that remembers every callback, for assertions. */
final class RecordingListener implements VerifyListener {
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<StepResult> finished = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stepStarted(String step) {
        started.add(step);
    }

    @Override
    public void output(String line) {
        lines.add(line);
    }

    @Override
    public void stepFinished(StepResult result) {
        finished.add(result);
    }
}
