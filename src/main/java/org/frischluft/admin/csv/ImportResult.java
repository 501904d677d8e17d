package org.frischluft.admin.csv;

import java.util.List;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolModel;

/**
 * The outcome of an import: the new school model and what changed, or (model null) every problem found. Warnings
 * (a column that is not read, a warning of the school file's validation) come with either.
 */
public record ImportResult(SchoolModel model, ImportSummary summary, List<Problem> problems) {
    public ImportResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return model != null;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
