package com.sovera.console.platform;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as every file the console writes should be: RFC 4180 quoting (FastCSV) and no cell a spreadsheet would run
 * as a formula. A cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe (the
 * OWASP advice against CSV injection), unless it is a plain number such as {@code -12.5}, which is no formula.
 */
public final class SafeCsv implements Closeable, Flushable {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CsvWriter out;

    private SafeCsv(CsvWriter out) {
        this.out = out;
    }

    /** Writes to {@code out}, lines ended by CRLF as RFC 4180 has them; closing this closes {@code out}. */
    public static SafeCsv to(java.io.Writer out) {
        return new SafeCsv(CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out));
    }

    /** The cell as a spreadsheet will show it and never run it. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }

    /** One line of CSV, neutralised and quoted, with its CRLF. */
    public static String line(List<String> values) {
        StringWriter text = new StringWriter();
        try (SafeCsv csv = to(text)) {
            csv.row(values);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    public SafeCsv row(List<String> values) {
        List<String> safe = new ArrayList<>(values.size());
        for (String v : values) {
            safe.add(cell(v));
        }
        out.writeRecord(safe);
        return this;
    }

    public SafeCsv row(String... values) {
        return row(java.util.Arrays.asList(values));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
