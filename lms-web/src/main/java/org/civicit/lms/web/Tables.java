package org.civicit.lms.web;

import java.io.OutputStream;
import java.util.function.Consumer;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.civicit.lms.csv.CsvOutput;
import org.civicit.lms.csv.RowWriter;
import org.civicit.lms.reporting.XlsxOutput;

/**
 * A table sent as a file, an Excel workbook or CSV, written as it streams. Excel comes first
 * on the pages: a Vietnamese spreadsheet program opens a comma-separated file in one column.
 */
public final class Tables {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";

    private Tables() {
    }

    /**
     * Writes the header and the rows. A failure halfway is not dressed up as a complete
     * file: the workbook is dropped and the stream ends short.
     */
    public static void write(OutputStream stream, boolean xlsx, String sheet, String[] header,
            Consumer<RowWriter> rows) {
        RowWriter out = xlsx ? XlsxOutput.open(stream, sheet, header) : CsvOutput.open(stream, header);
        try {
            rows.accept(out);
        } catch (RuntimeException e) {
            out.abandon();
            throw e;
        }
        out.close();
    }

    /** The table as an API answer, downloaded as {@code name.xlsx} or {@code name.csv}. */
    public static Response download(boolean xlsx, String name, String[] header, Consumer<RowWriter> rows) {
        StreamingOutput body = stream -> write(stream, xlsx, name, header, rows);
        return Response.ok(body, xlsx ? XLSX : CSV)
                .header("Content-Disposition", ContentDisposition.attachment(name + (xlsx ? ".xlsx" : ".csv")))
                .build();
    }
}
