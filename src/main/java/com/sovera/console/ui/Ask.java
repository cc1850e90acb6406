package com.sovera.console.ui;

import java.util.List;

/**
 * Asks the operator to choose (a dialog in the window; a script in tests), as {@link WriteGuard} asks to confirm:
 * view models decide what to ask and what each answer does, without a toolkit.
 */
@FunctionalInterface
public interface Ask {

    /** The index of the option chosen, or -1 when the question was dismissed. Called on the FX thread. */
    int choose(String title, String text, List<String> options);

    /** Where nobody can be asked (an idle sign-out): every question is dismissed. */
    Ask NOBODY = (title, text, options) -> -1;
}
