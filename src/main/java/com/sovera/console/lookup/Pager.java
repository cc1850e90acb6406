package com.sovera.console.lookup;

import com.sovera.console.ui.Icons;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * First, previous, "page n of m", next, last, and a field to jump to a page. Replaces JavaFX's Pagination, whose
 * skin keeps every page-number button it replaces (two a page turn, ~37 KB): 444 MB after paging through a
 * million users.
 */
public final class Pager extends HBox {

    private final IntegerProperty pageCount = new SimpleIntegerProperty(1);
    private final IntegerProperty currentPageIndex = new SimpleIntegerProperty(0);
    private final TextField page = new TextField("1");
    private final Label of = new Label("of 1");

    public Pager() {
        setSpacing(6);
        setAlignment(Pos.CENTER);
        Button first = button("pager-first", "fth-chevrons-left", "First page", () -> currentPageIndex.set(0));
        Button previous = button("pager-previous", "fth-chevron-left", "Previous page", () -> turn(-1));
        Button next = button("pager-next", "fth-chevron-right", "Next page", () -> turn(1));
        Button last = button("pager-last", "fth-chevrons-right", "Last page",
                () -> currentPageIndex.set(pageCount.get() - 1));
        page.getStyleClass().add("pager-page");
        of.getStyleClass().add("pager-of");
        page.setPrefColumnCount(6);
        page.setAlignment(Pos.CENTER_RIGHT);
        page.setOnAction(e -> jump());
        page.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                jump();
            }
        });
        first.disableProperty().bind(currentPageIndex.isEqualTo(0));
        previous.disableProperty().bind(currentPageIndex.isEqualTo(0));
        next.disableProperty().bind(currentPageIndex.greaterThanOrEqualTo(pageCount.subtract(1)));
        last.disableProperty().bind(next.disableProperty());
        currentPageIndex.addListener((o, was, now) -> show());
        pageCount.addListener((o, was, now) -> {
            if (currentPageIndex.get() >= now.intValue()) {
                currentPageIndex.set(Math.max(0, now.intValue() - 1));
            }
            show();
        });
        getChildren().addAll(first, previous, com.sovera.console.ui.Names.caption("Page", page), page, of, next, last);
    }

    private static Button button(String styleClass, String icon, String tip, Runnable action) {
        Button b = new Button();
        b.getStyleClass().add(styleClass);
        b.setGraphic(Icons.of(icon));
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void turn(int by) {
        currentPageIndex.set(Math.max(0, Math.min(pageCount.get() - 1, currentPageIndex.get() + by)));
    }

    private void jump() {
        try {
            int wanted = Integer.parseInt(page.getText().trim().replace(",", "")) - 1;
            currentPageIndex.set(Math.max(0, Math.min(pageCount.get() - 1, wanted)));
        } catch (NumberFormatException e) {
            // not a number: show the page we are on again
        }
        show();
    }

    private void show() {
        page.setText(Integer.toString(currentPageIndex.get() + 1));
        of.setText(String.format("of %,d", pageCount.get()));
    }

    public IntegerProperty currentPageIndexProperty() {
        return currentPageIndex;
    }

    public int getCurrentPageIndex() {
        return currentPageIndex.get();
    }

    public void setCurrentPageIndex(int index) {
        currentPageIndex.set(Math.max(0, Math.min(pageCount.get() - 1, index)));
    }

    public int getPageCount() {
        return pageCount.get();
    }

    public void setPageCount(int count) {
        pageCount.set(Math.max(1, count));
    }
}
