package com.sovera.console.bulk;

import com.sovera.console.platform.JsonFiles;
import com.sovera.console.platform.SafeCsv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** The results of a run as CSV: {@link ResultLine#HEADER}, one line each, cells safe for spreadsheets. */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    public static void write(List<ResultLine> lines, Writer out) throws IOException {
        try (SafeCsv csv = SafeCsv.to(out)) {
            csv.row(ResultLine.HEADER);
            for (ResultLine line : lines) {
                csv.row(line.cells());
            }
        }
    }

    /** Writes the file whole or not at all (a temporary file, then a move). */
    public static void write(List<ResultLine> lines, Path file) throws IOException {
        StringWriter text = new StringWriter();
        write(lines, text);
        JsonFiles.writeText(file, text.toString());
    }
}
