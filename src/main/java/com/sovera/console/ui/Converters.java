package com.sovera.console.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box or combo box shows its values: one way to write it. */
public final class Converters {

    private Converters() {
    }

    /** Shows each value as {@code text} says (empty for none); nothing is ever typed back into a value. */
    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
