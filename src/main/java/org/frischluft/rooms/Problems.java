package org.frischluft.rooms;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one file or form (never only the first). Not thread-safe. */
public final class Problems {
    private final List<Problem> all = new ArrayList<>();

    public void error(String path, String code, Object... args) {
        all.add(Problem.error(path, code, args));
    }

    public void warning(String path, String code, Object... args) {
        all.add(Problem.warning(path, code, args));
    }

    public void add(Problem p) {
        all.add(p);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    public List<Problem> list() {
        return List.copyOf(all);
    }

    public int size() {
        return all.size();
    }
}
