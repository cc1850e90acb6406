package com.sovera.console;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/** What the window draws shorter than its words: the layout tests' one reading of "cut". FX thread only. */
final class DrawnText {

    private DrawnText() {
    }

    /**
     * Every text shown under the node (an action, a caption, a value, a column's header, an empty field's hint)
     * drawn cut ("Re…", a hint clipped to "count"), with what it should read. A table's cells are left to the
     * tests that know which of its columns must be whole.
     */
    static List<String> cut(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableView<?> table) {
            table.lookupAll(".column-header .label").forEach(header -> collect(header, cut));
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String words = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=[^_])", "") : l.getText();
            l.getChildrenUnmodifiable().stream().filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                    .map(n -> ((Text) n).getText()).filter(drawn -> !drawn.equals(words)).findFirst()
                    .ifPresent(drawn -> cut.add(words + " #" + l.getId() + " drawn as " + drawn));
        }
        if (node instanceof TextField f && f.getText().isEmpty() && f.getPromptText() != null
                && !f.getPromptText().isEmpty()) {
            // a hint is clipped, not shortened with "...": "country" read "count"
            Text probe = new Text(f.getPromptText());
            probe.setFont(f.getFont());
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                cut.add("the hint " + f.getPromptText() + " #" + f.getId() + " in " + Math.round(room) + " px");
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
