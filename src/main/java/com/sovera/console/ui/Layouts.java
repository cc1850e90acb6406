package com.sovera.console.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/** Small layout rules the theme's roomier controls need. */
public final class Layouts {

    private Layouts() {
    }

    /** Never narrower than their text: a badge or button cut to "LOCAL SAND..." says nothing. */
    public static void keepWhole(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }
}
