package com.sovera.console.ui;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;

/**
 * The focus contract's moves: after a step or a view changes, the focus goes to the first text field of what
 * changed (else its action button). A node just put on screen has no skin, and the content of a new scroll pane
 * not even a scene, until the next layout pass: the move waits for it, where a {@code runLater} would run before it
 * on a real desk (GTK) and find nothing.
 */
public final class Focus {

    private Focus() {
    }

    /**
     * After the next layout pass, focuses what {@code target} finds then, unless the operator has meanwhile put the
     * focus somewhere outside {@code within} (a late answer never takes the focus from where they work).
     */
    public static void afterLayout(Node within, Supplier<Optional<Node>> target) {
        later(within, scene -> {
            Node owner = scene.getFocusOwner();
            return owner == null || isInside(owner, within) || !owner.isVisible() || owner.isDisabled()
                    || owner.getScene() != scene;
        }, target);
    }

    /** After the next layout pass, focuses what {@code target} finds then: the operator just asked for it. */
    public static void moveAfterLayout(Node anchor, Supplier<Optional<Node>> target) {
        later(anchor, scene -> true, target);
    }

    private static void later(Node anchor, java.util.function.Predicate<Scene> still, Supplier<Optional<Node>> target) {
        Scene scene = anchor.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (anchor.getScene() == scene && still.test(scene)) {
                target.get().ifPresent(Node::requestFocus);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** The first text field (or editable list) shown and enabled under {@code root}, in reading order. */
    public static Optional<Node> firstTextField(Node root) {
        return first(root, n -> n instanceof TextInputControl t && t.isEditable()
                || n instanceof ComboBoxBase<?> c && c.isEditable());
    }

    /** The first button shown and enabled under {@code root}, in reading order. */
    public static Optional<Node> firstButton(Node root) {
        return first(root, n -> n instanceof ButtonBase);
    }

    /** The first text field under {@code root}, else its first button. */
    public static Optional<Node> firstInput(Node root) {
        return firstTextField(root).or(() -> firstButton(root));
    }

    public static boolean isInside(Node node, Node ancestor) {
        for (Node p = node; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Node> first(Node node, java.util.function.Predicate<Node> wanted) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (wanted.test(node) && node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof ComboBoxBase<?>) {
            return Optional.empty(); // its editor is part of it: the combo box itself takes the focus
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Optional<Node> found = first(child, wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
