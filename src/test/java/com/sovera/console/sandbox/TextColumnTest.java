package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A column in chunks of a few rows finds what a regular expression finds over its rows in creation order: every
 * page both ways, rows added after the last and before it, matches that would cross from one text to the next.
 */
class TextColumnTest {

    private final Random random = new Random(4242);

    @Test
    void findsTheTotalAndThePageARegularExpressionFindsAcrossChunks() {
        List<TextColumn.Row> rows = new ArrayList<>();
        TextColumn column = TextColumn.of(List.of(), 7);
        long pk = 0;
        int questions = 0;
        for (int round = 0; round < 12; round++) {
            List<TextColumn.Row> added = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                // mostly later than every row, sometimes earlier, sometimes at the same time
                long created = random.nextInt(5) == 0 ? random.nextInt(50) : 40 + round * 10 + random.nextInt(3);
                added.add(new TextColumn.Row(++pk, created, text(random.nextInt(8))));
            }
            Collections.shuffle(added, random);
            rows.addAll(added);
            column = column.plus(added);
            assertThat(column.size()).isEqualTo(rows.size());
            assertThat(column.maxPk()).isEqualTo(pk);
            List<TextColumn.Row> inOrder = rows.stream().sorted(Comparator.comparingLong(TextColumn.Row::created)
                    .thenComparingLong(TextColumn.Row::pk)).toList();
            for (int k = 0; k < 40; k++) {
                String value = pattern();
                Pattern regex = regex(value);
                List<Long> matching = inOrder.stream().filter(r -> regex.matcher(r.text()).matches())
                        .map(TextColumn.Row::pk).collect(Collectors.toCollection(ArrayList::new));
                boolean descending = random.nextBoolean();
                if (descending) {
                    Collections.reverse(matching);
                }
                int skip = random.nextInt(matching.size() + 3);
                int take = 1 + random.nextInt(12);
                TextColumn.Matches found = column.find(PercentPattern.of(value), skip, take, descending);
                assertThat(found.total()).as(value).isEqualTo(matching.size());
                assertThat(found.keys()).as(value + " from " + skip + " take " + take + (descending ? " DESC" : ""))
                        .isEqualTo(matching.subList(Math.min(skip, matching.size()),
                                Math.min(skip + take, matching.size())));
                questions++;
            }
        }
        assertThat(questions).isEqualTo(12 * 40);
    }

    /** Texts of a small alphabet, with a line feed (the chunks' own separator) among its letters. */
    private String text(int n) {
        return RandomTexts.of(random, "ab.\n_é", n);
    }

    private String pattern() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(4) == 0 ? "%" : text(1));
        }
        return b.toString();
    }

    /** The pattern as a regular expression over the whole text, {@code %} any run of characters. */
    private static Pattern regex(String value) {
        StringBuilder b = new StringBuilder();
        for (String part : value.split("%", -1)) {
            if (b.length() > 0) {
                b.append(".*");
            }
            b.append(Pattern.quote(part));
        }
        return Pattern.compile(b.toString(), Pattern.DOTALL);
    }
}
