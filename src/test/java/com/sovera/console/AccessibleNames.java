package com.sovera.console;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;

/**
 * What a screen reader would have to announce without a name, read from a scene graph: every node an operator can
 * reach by Tab (visible, enabled, focus-traversable) must have an accessible name. A name is the node's
 * {@code accessibleText}, a {@link Label} whose {@code labelFor} points at it, or a button's or check box's own
 * words. An icon-only button needs both an accessible text and a tooltip; a table needs a name and words on every
 * column. Reusable: any window test may ask it about the screen it shows.
 */
final class AccessibleNames {

    private AccessibleNames() {
    }

    /** The nodes under {@code root} that lack a name, each as "where: Class#id "text" (why)". */
    static List<String> missing(Node root, String where) {
        Map<Node, Label> labelled = new IdentityHashMap<>();
        collectLabels(root.getScene() == null ? root : root.getScene().getRoot(), labelled);
        collectLabels(root, labelled);
        List<String> found = new ArrayList<>();
        walk(root, where, labelled, found);
        List<String> said = new ArrayList<>();
        collectSaid(root, said);
        unsaid(root, where, said, found);
        return found;
    }

    /** What a screen reader says at the nodes Tab reaches: their names and their help. */
    private static void collectSaid(Node node, List<String> said) {
        if (!node.isVisible()) {
            return;
        }
        if (reachable(node)) {
            for (String s : new String[] {node.getAccessibleText(), node.getAccessibleHelp(),
                    node instanceof Labeled l ? l.getText() : null}) {
                if (hasWords(s)) {
                    said.add(s);
                }
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collectSaid(child, said));
        }
    }

    /**
     * A status shown (a field's fault, an error's title) that no node Tab reaches says: an operator who cannot see
     * the red never hears it.
     */
    private static void unsaid(Node node, String where, List<String> said, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && hasWords(l.getText()) && STATUS.stream().anyMatch(
                l.getStyleClass()::contains) && said.stream().noneMatch(s -> s.contains(l.getText()))) {
            found.add(describe(node, where) + " (a status no node reached by Tab says)");
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> unsaid(child, where, said, found));
        }
    }

    /** The style classes of what tells the operator how things stand: faults, errors, deposits. */
    private static final List<String> STATUS = List.of("field-error-text", "field-error", "error-title",
            "deposit-status");

    private static void collectLabels(Node node, Map<Node, Label> labelled) {
        if (node instanceof Label l && l.getLabelFor() != null && hasWords(l.getText())) {
            labelled.put(l.getLabelFor(), l);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collectLabels(child, labelled));
        }
    }

    private static void walk(Node node, String where, Map<Node, Label> labelled, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (reachable(node)) {
            check(node, where, labelled, found);
        }
        if (node instanceof ComboBoxBase || node instanceof Spinner) {
            return; // its editor is part of it: the control's name is the editor's
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> walk(child, where, labelled, found));
        }
    }

    /** Tab can reach it: focus-traversable, shown and enabled (a disabled control is skipped by Tab). */
    static boolean reachable(Node node) {
        return node.isFocusTraversable() && !node.isDisabled() && shown(node);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void check(Node node, String where, Map<Node, Label> labelled, List<String> found) {
        boolean accessibleText = hasWords(node.getAccessibleText());
        boolean ownWords = node instanceof Labeled l && hasWords(l.getText())
                && (!(node instanceof ButtonBase) || l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY)
                // a tab pane says the tab selected: each tab's words are its name
                || node instanceof TabPane tabs && tabs.getTabs().stream().allMatch(t -> hasWords(t.getText()));
        if (node instanceof ButtonBase b && !ownWords) {
            if (!accessibleText || b.getTooltip() == null) {
                found.add(describe(node, where) + " (an icon-only button needs an accessible text and a tooltip)");
            }
            return;
        }
        if (!accessibleText && !ownWords && !labelled.containsKey(node)) {
            found.add(describe(node, where) + " (no accessible text, no label for it)");
        }
        if (node instanceof TableView<?> t) {
            t.getVisibleLeafColumns().stream().filter(c -> !hasWords(c.getText()))
                    .forEach(c -> found.add(describe(node, where) + " column " + columnName(c) + " has no words"));
        }
        if (node instanceof TreeTableView<?> t) {
            t.getVisibleLeafColumns().stream().filter(c -> !hasWords(c.getText()))
                    .forEach(c -> found.add(describe(node, where) + " column " + columnName(c) + " has no words"));
        }
    }

    private static String columnName(TableColumnBase<?, ?> c) {
        return c.getId() == null ? "#" + c.getStyleClass() : "#" + c.getId();
    }

    private static boolean hasWords(String text) {
        return text != null && !text.replace("_", "").isBlank();
    }

    /** Where a node is: its class and id, the nearest ancestor with an id, and what it shows. */
    static String describe(Node node, String where) {
        StringBuilder s = new StringBuilder(where).append(": ").append(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        } else {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p.getId() != null) {
                    s.append(" in #").append(p.getId());
                    break;
                }
            }
        }
        String text = node instanceof Labeled l ? l.getText()
                : node instanceof javafx.scene.control.TextInputControl t
                ? (t.getText() == null || t.getText().isEmpty() ? t.getPromptText() : t.getText())
                : node instanceof Control c && c.getTooltip() != null ? c.getTooltip().getText() : null;
        if (text != null && !text.isEmpty()) {
            s.append(" \"").append(text.length() > 40 ? text.substring(0, 40) + "…" : text).append('"');
        }
        return s.toString();
    }
}
