package com.sovera.console.shell;

import com.sovera.console.ui.Focus;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The focus never moves to the header by itself: when a focused control is disabled, hidden or removed (a step
 * locked, an offer used, a run finished), JavaFX hands the focus to the next control, which can be the header's
 * Sign out, where the next Space or Enter would sign the operator out. Such a move is taken back to the view's
 * first input. The operator's own moves (a click, Tab, a mnemonic) are left alone.
 */
final class FocusGuard {

    private final Node header;
    private final Supplier<Optional<Node>> home;
    private boolean operatorMoves;

    private FocusGuard(Node header, Supplier<Optional<Node>> home) {
        this.header = header;
        this.home = home;
    }

    /** Guards the header of the scene {@code root} is shown in (now, and in any scene it moves to). */
    static void install(Node root, Node header, Supplier<Optional<Node>> home) {
        FocusGuard guard = new FocusGuard(header, home);
        javafx.event.EventHandler<KeyEvent> key = guard::key;
        javafx.event.EventHandler<MouseEvent> click = guard::click;
        javafx.beans.InvalidationListener moved = guard::focusMoved;
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, key);
                was.removeEventFilter(MouseEvent.MOUSE_PRESSED, click);
                was.focusOwnerProperty().removeListener(moved);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, key);
                scene.addEventFilter(MouseEvent.MOUSE_PRESSED, click);
                scene.focusOwnerProperty().addListener(moved);
            }
        });
    }

    /** Tab and a mnemonic move the focus where the operator means (Enter and Space act, they do not move it). */
    private void key(KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.TAB || e.isAltDown()) {
            operatorMoving();
        }
    }

    private void click(MouseEvent e) {
        operatorMoving();
    }

    /** A focus move while this event is handled is the operator's. */
    private void operatorMoving() {
        operatorMoves = true;
        Platform.runLater(() -> operatorMoves = false);
    }

    private void focusMoved(javafx.beans.Observable o) {
        Scene scene = header.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        if (owner != null && !operatorMoves && Focus.isInside(owner, header)) {
            Focus.moveAfterLayout(header, home);
        }
    }
}
