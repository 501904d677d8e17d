package org.frischluft.admin.broker;

import java.util.List;
import java.util.Optional;

/** A broker connection test: which broker, every step in order (each of {@link Step} once). */
public record TestReport(String broker, String url, List<StepResult> steps) {
    public TestReport {
        steps = List.copyOf(steps);
    }

    /** True when no step failed. */
    public boolean ok() {
        return steps.stream().noneMatch(StepResult::failed);
    }

    /** The step that failed, if one did (the steps after it were not tried). */
    public Optional<StepResult> failure() {
        return steps.stream().filter(StepResult::failed).findFirst();
    }

    public StepResult step(Step s) {
        return steps.stream().filter(r -> r.step() == s).findFirst().orElseThrow();
    }
}
