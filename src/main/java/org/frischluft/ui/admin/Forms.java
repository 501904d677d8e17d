package org.frischluft.ui.admin;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Small pieces the 10b admin tabs share: their stylesheet, a problem label under a field, a validator, the lock. */
final class Forms {
    static final String STYLESHEET = org.frischluft.ui.common.Theme.STYLESHEET; // the one theme file

    private Forms() {
    }

    static void style(Region tab, String id) {
        tab.getStylesheets().add(STYLESHEET);
        tab.getStyleClass().add("admin-tab");
        tab.setId(id);
    }

    /** The label that says a field's problem in words (empty and collapsed while there is none). */
    static Label problemLabel(String id) {
        Label l = new Label();
        l.getStyleClass().add("field-problem");
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.visibleProperty());
        l.setVisible(false);
        return l;
    }

    /** A label whose text wraps and is never cut to "…" (its height follows its text). */
    static javafx.scene.control.Label wrapping(javafx.scene.control.Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static void showProblem(Label l, String problem) {
        l.setText(problem == null ? "" : problem);
        l.setVisible(problem != null && !problem.isEmpty());
    }

    /** A ControlsFX decoration on {@code control} that shows {@code problem} (null: none) as its error. */
    static void decorate(ValidationSupport support, Control control, Supplier<String> problem) {
        Validator<Object> v = (c, value) -> {
            String p = problem.get();
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null && !p.isEmpty());
        };
        support.registerValidator(control, false, v);
    }

    /** A small padlock: a built-in profile cannot be changed. */
    static SVGPath lock() {
        SVGPath p = new SVGPath();
        p.setContent("M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z");
        p.getStyleClass().add("lock-icon");
        return p;
    }
}
